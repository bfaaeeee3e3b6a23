// Package vocab publishes civicnet's own vocabulary, the civic: terms
// (namespace https://w3id.org/civicnet/ns#), as RDF: an OWL ontology in
// Turtle that a dump ships as vocabulary.ttl, so that every civic: class
// and property a dump uses is defined where its IRI says.
//
//	err := vocab.Write(f)
//
// The terms come from one table, which also writes the "civic: terms"
// section of docs/vocabulary.md; its tests check that the table defines
// every field of [rdf.Civic], and that every civic: term the writers
// emit, and no other, is defined.
package vocab
