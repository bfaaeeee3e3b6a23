package site

import "embed"

//go:embed files
var files embed.FS

// writePage writes the page of the document at path p: p/index.html,
// which static hosts serve at the IRI p/ (and redirect p to).
func (w *writer) writePage(p string, pg *page) error {
	b := w.render(pg)
	rel := indexFile
	if p != "" {
		rel = p + "/" + indexFile
	}
	return w.create(rel, b)
}
