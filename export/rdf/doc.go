// Package rdf is civicnet's RDF core: the vocabulary, the mapping of
// records to triples (SPEC 4.1 and 4.2), and the driver every RDF writer
// plugs into.
//
// Most users need one call, through a writer of a format package:
//
//	w := ntriples.NewWriter(os.Stdout)
//	if err := w.Write(ds); err != nil { … }
//	if err := w.Close(); err != nil { … }
//
// Underneath, [NewMapper] prepares the mapping of a [model.Dataset], and
// [Mapper.Render] streams the graph, one subject ([Node]) at a time and
// in parallel, into any number of [Sink]s: the dump writes Turtle,
// N-Triples and JSON-LD from one pass and gets the VoID [Stats] for the
// catalogue from the same pass. [Mapper.EachNode] is the sequential
// stream for anything else that reads the graph.
//
// Every vocabulary term any writer emits is declared once here, as a
// field of a variable named after its vocabulary ([Schema].Name,
// [ORG].Membership, [SH].NodeKind); [Terms] lists them all, and the tests
// check each against the published vocabulary. No writer spells a
// vocabulary IRI as a string.
//
// Small graphs with blank nodes and lists — the catalogue, the shapes —
// are built as a [Graph] and written by turtle.WriteGraph.
package rdf
