// Package site writes a record set as a static linked-data site: every
// IRI the mapping makes under the base answers with a page a person
// reads and with the RDF a machine reads, built from the same mapping as
// the dump's writers.
//
//	err := site.Write(ctx, dir, ds, site.Options{})
//
// For a record {base}id/{id} the site holds
//
//	id/{id}/index.html   the page (a static host serves it at {base}id/{id}/)
//	id/{id}.ttl          the record's triples and those of its hash nodes
//	id/{id}.nt           the same in N-Triples
//	id/{id}.jsonld       the same in JSON-LD, against ../context.jsonld
//
// and likewise for every other document of the graph: the sources
// (id/{uuid}), the concept schemes ({base}roles → roles/index.html,
// roles.ttl …) and their concepts (roles/{slug}/index.html,
// roles/{slug}.ttl …). The union of the per-document files is the graph
// of dataset.nt exactly. Besides them: index.html (lists per kind, a
// timeline, an offline search over search.json), list/{kind}/index.html,
// dataset/index.html (the files, counts per kind), assets/ (CSS and the
// search script), and the rules of content negotiation for Apache
// (.htaccess) and nginx (nginx.conf). [NewHandler] serves a site with
// the same negotiation.
//
// Write writes into a directory as it goes; export.WriteSite writes the
// dump and the site together and replaces a directory atomically.
package site
