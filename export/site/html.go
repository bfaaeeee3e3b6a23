package site

import (
	"bytes"
	"embed"
	"html/template"
)

//go:embed files
var files embed.FS

var pageTemplate = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"list": func(s seg) []seg { return []seg{s} },
}).ParseFS(files, "files/page.html"))

// writePage writes the page of the document at path p: p/index.html,
// which static hosts serve at the IRI p/ (and redirect p to).
func (w *writer) writePage(p string, pg *page) error {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, pg); err != nil {
		return err
	}
	rel := indexFile
	if p != "" {
		rel = p + "/" + indexFile
	}
	return w.create(rel, b.Bytes())
}
