package site

import (
	"embed"
	"html/template"
)

//go:embed files
var files embed.FS

// writePage writes the page of the document at path p: p/index.html,
// which static hosts serve at the IRI p/ (and redirect p to).
func (w *writer) writePage(p string, pg *page) error {
	rel := indexFile
	if p != "" {
		rel = p + "/" + indexFile
	}
	return w.createBuilt(rel, func(b []byte) []byte { return w.render(b, pg) })
}

// script returns the JSON-LD block of a document's node objects.
func (w *writer) script(nodes []byte) template.JS {
	bp := w.bufs.Get().(*[]byte)
	js := w.ctx.script(bp, nodes)
	w.bufs.Put(bp)
	return js
}
