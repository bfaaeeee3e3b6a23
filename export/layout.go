package export

import (
	"io"
	"path"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/export/dcat"
	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/shacl"
	"github.com/civicnet/civicnet/export/turtle"
	"github.com/civicnet/civicnet/export/vocab"
	"github.com/civicnet/civicnet/model/recordfile"
)

// The layout of a dump: which files each format writes, and what the
// catalogue says of each. This table is the only place that knows file
// names; the writers know only their formats.

// CSVDir is the directory of the CSV tables inside a dump.
const CSVDir = "csv"

// The top-level files of a dump.
const (
	TurtleFile   = "dataset.ttl"
	NTriplesFile = "dataset.nt"
	JSONLDFile   = "dataset.jsonld"
	ContextFile  = jsonld.ContextFile
	CatalogFile  = dcat.File
	ShapesFile   = shacl.File
	SchemaFile   = recordfile.SchemaFile
	VocabFile    = vocab.File
)

// Standards the files follow, as the catalogue names them.
const (
	shaclSpec      = "https://www.w3.org/TR/shacl/"
	jsonldSpec     = "https://www.w3.org/TR/json-ld11/"
	csvwSpec       = "https://www.w3.org/TR/tabular-metadata/"
	jsonSchemaSpec = "http://json-schema.org/draft-07/schema#"
	owlSpec        = "https://www.w3.org/TR/owl2-overview/"
)

// fileKind is what the catalogue says of a kind of dump file.
type fileKind struct {
	description string
	mediaType   string // IANA media type
	fileType    string // EU file-type authority code
	rdf         bool   // a serialisation of the dataset (void:dataDump)
	// standards lists what the file conforms to: absolute IRIs, or
	// paths of the dump that count only when the dump has them.
	standards []string
}

// layout describes every file a dump may hold; CSV tables share the
// entry of csv/*.csv, which names the table.
var layout = map[string]fileKind{
	TurtleFile:         {"The dataset in Turtle.", "text/turtle", "RDF_TURTLE", true, []string{ShapesFile}},
	NTriplesFile:       {"The dataset in N-Triples.", "application/n-triples", "RDF_N_TRIPLES", true, []string{ShapesFile}},
	TurtleFile + ".gz": {"The dataset in Turtle, gzip-compressed.", "text/turtle", "RDF_TURTLE", true, []string{ShapesFile}},
	NTriplesFile + ".gz": {"The dataset in N-Triples, gzip-compressed, for bulk loading.", "application/n-triples", "RDF_N_TRIPLES",
		true, []string{ShapesFile}},
	JSONLDFile: {"The dataset in JSON-LD, compacted against context.jsonld.", "application/ld+json", "JSON_LD", true,
		[]string{ShapesFile}},
	ContextFile: {"The JSON-LD context of dataset.jsonld.", "application/ld+json", "JSON_LD", false, []string{jsonldSpec}},
	path.Join(CSVDir, csvw.MetadataFile): {"CSV on the Web metadata describing the CSV tables.", "application/csvm+json", "JSON",
		false, []string{csvwSpec}},
	path.Join(CSVDir, "*.csv"): {"CSV table of %s.", "text/csv", "CSV", false, []string{path.Join(CSVDir, csvw.MetadataFile)}},
	ShapesFile:                 {"SHACL shapes the dataset conforms to.", "text/turtle", "RDF_TURTLE", false, []string{shaclSpec}},
	SchemaFile: {"JSON Schema of the record format the dataset is written in.", "application/json", "JSON", false,
		[]string{jsonSchemaSpec}},
	VocabFile: {"The civic: vocabulary, civicnet's own terms, as an OWL ontology.",
		"text/turtle", "RDF_TURTLE", false, []string{owlSpec}},
}

// dumpNames are the names a dump writes at its top level; an existing
// directory holding anything else is not replaced, so that an export can
// never delete files the user had.
var dumpNames = func() map[string]bool {
	names := map[string]bool{}
	for p := range layout {
		top, _, _ := strings.Cut(p, "/")
		names[top] = true
	}
	names[CatalogFile] = true
	return names
}()

// distribution describes the file f for the catalogue; has tells which
// files the dump holds.
func distribution(f DumpFile, dumpURL string, has func(string) bool) dcat.Distribution {
	key := f.Path
	about := ""
	if dir, name := path.Split(f.Path); dir == CSVDir+"/" && strings.HasSuffix(name, ".csv") {
		key = path.Join(CSVDir, "*.csv")
		about = csvw.TableAbout(strings.TrimSuffix(name, ".csv"))
	}
	k, ok := layout[key]
	if !ok {
		k = fileKind{"A file of the dump.", "application/octet-stream", "BIN", false, nil}
	}
	desc := k.description
	if about != "" {
		desc = strings.Replace(desc, "%s", about, 1)
	}
	dist := dcat.Distribution{Path: f.Path, Size: f.Size, SHA256: f.SHA256, Description: desc,
		MediaType: k.mediaType, FileType: k.fileType, RDF: k.rdf}
	if strings.HasSuffix(f.Path, ".gz") {
		dist.CompressFormat = "application/gzip"
	}
	for _, s := range k.standards {
		switch {
		case strings.Contains(s, "://"):
			dist.ConformsTo = append(dist.ConformsTo, s)
		case has(s):
			dist.ConformsTo = append(dist.ConformsTo, dumpURL+s)
		}
	}
	return dist
}

// parts maps each format to what it writes, in the order of AllFormats.
var parts = map[Format]func(d *dump) error{
	FormatTurtle:   (*dump).writeRDF,
	FormatNTriples: (*dump).writeRDF,
	FormatJSONLD:   (*dump).writeRDF,
	FormatCSV:      (*dump).writeCSV,
	FormatShapes: func(d *dump) error {
		return d.create(ShapesFile, FormatShapes, shacl.WriteShapes)
	},
	FormatSchema: func(d *dump) error {
		return d.create(SchemaFile, FormatSchema, recordfile.WriteSchema)
	},
	FormatVocab: func(d *dump) error {
		return d.create(VocabFile, FormatVocab, vocab.Write)
	},
	FormatCatalog: (*dump).writeCatalog,
	FormatSite:    (*dump).writeSite,
}

// rdfFiles are the RDF files of a dump, in the order they are created;
// gzip names those that DumpOptions.Gzip compresses.
var rdfFiles = []struct {
	name   string
	format Format
	gzip   bool
	sink   func(w io.Writer) flushingSink
}{
	{TurtleFile, FormatTurtle, true, func(w io.Writer) flushingSink { return turtle.NewWriter(w) }},
	{NTriplesFile, FormatNTriples, true, func(w io.Writer) flushingSink { return ntriples.NewWriter(w) }},
	{JSONLDFile, FormatJSONLD, false, func(w io.Writer) flushingSink { return jsonld.NewWriter(w) }},
}

// rdfSink is what the RDF writers share: a sink of the render, closed
// when it is done.
type rdfSink interface {
	rdf.Sink
	Close() error
}

// writeRDF writes every RDF file the dump asks for, unless done already,
// from one pass of the mapping, which costs more than any one
// serialisation; the pass also counts the statistics of the catalogue.
func (d *dump) writeRDF() error {
	if d.stats != nil {
		return nil
	}
	m, err := d.mapper()
	if err != nil {
		return err
	}
	var files []int
	for i, f := range rdfFiles {
		if d.wants(f.format) {
			files = append(files, i)
		}
	}
	sinks := make([]rdfSink, len(files))
	var open func(k int) error
	open = func(k int) error {
		if k == len(files) {
			rs := make([]rdf.Sink, len(sinks))
			for i, s := range sinks {
				rs[i] = s
			}
			stats, err := m.Render(rs...)
			if err != nil {
				return err
			}
			d.stats = &stats
			for _, s := range sinks {
				if err := s.Close(); err != nil {
					return err
				}
			}
			return nil
		}
		f := rdfFiles[files[k]]
		name := f.name
		if f.gzip && d.opts.Gzip {
			name += ".gz"
		}
		return d.create(name, f.format, func(w io.Writer) error {
			if f.gzip && d.opts.Gzip {
				sinks[k] = newGzipSink(ctxWriter{d.ctx, w}, f.sink)
			} else {
				sinks[k] = f.sink(ctxWriter{d.ctx, w})
			}
			return open(k + 1)
		})
	}
	if err := open(0); err != nil {
		return err
	}
	if d.wants(FormatJSONLD) {
		return d.create(ContextFile, FormatJSONLD, func(w io.Writer) error {
			_, err := w.Write(jsonld.Context())
			return err
		})
	}
	return nil
}

func (d *dump) writeCSV() error {
	l, err := csvw.NewLayout(d.ds)
	if err != nil {
		return err
	}
	for _, t := range csvw.Tables() {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		err := d.create(path.Join(CSVDir, t+".csv"), FormatCSV, func(w io.Writer) error {
			return l.WriteTable(w, t, d.opts.CSVBOM)
		})
		if err != nil {
			return err
		}
	}
	return d.create(path.Join(CSVDir, csvw.MetadataFile), FormatCSV, func(w io.Writer) error {
		return csvw.WriteMetadata(w, d.ds)
	})
}

// writeCatalog describes the files written so far, so WriteDump writes
// it last (AllFormats ends with it). Its statistics come from the pass
// that wrote the RDF; a dump without RDF makes a pass that writes
// nothing.
func (d *dump) writeCatalog() error {
	if err := d.writeRDF(); err != nil {
		return err
	}
	dumpURL := rdf.DumpURL(d.ds.Info)
	has := func(p string) bool { return d.written(p) }
	var dists []dcat.Distribution
	for _, f := range d.files {
		dists = append(dists, distribution(f, dumpURL, has))
	}
	return d.create(CatalogFile, FormatCatalog, func(w io.Writer) error {
		return dcat.WriteCatalog(w, d.ds, dists, *d.stats)
	})
}

// wants reports whether the dump includes format f.
func (d *dump) wants(f Format) bool {
	if d.opts.Formats == nil {
		return true
	}
	return slices.Contains(d.opts.Formats, f)
}

// written reports whether the file rel is in the dump already.
func (d *dump) written(rel string) bool {
	return slices.ContainsFunc(d.files, func(f DumpFile) bool { return f.Path == rel })
}
