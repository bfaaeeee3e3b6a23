package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
	"github.com/civicnet/civicnet/model"
)

// Options control Write.
type Options struct {
	// Files lists the files of the dump that lie beside the site, in its
	// root directory: the dataset page links them with their sizes and
	// checksums.
	Files []File
	// Mapping, when set, is the mapping of ds that rdf.NewMapper made
	// already (for the dump beside the site, say); Write then does not
	// make it again. It must be the mapping of ds.
	Mapping *rdf.Mapper
}

// File is a file of the dump, as the dataset page lists it.
type File struct {
	Path        string // slash-separated, relative to the site's root
	MediaType   string
	Description string
	Size        int64
	SHA256      string // lower-case hex
}

// The files and directories a site writes at its top level, besides the
// dump's and one directory per concept scheme: what [Names] lists.
const (
	indexFile   = "index.html"
	searchFile  = "search.json"
	assetsDir   = "assets"
	listDir     = "list"
	datasetDir  = "dataset"
	vocabDir    = "vocabulary"
	htaccess    = ".htaccess"
	nginxConf   = "nginx.conf"
	recordsPath = "id"
)

// Names returns the names a site writes at the top level of its
// directory, so that a caller replacing a directory can tell a previous
// site from files a user keeps there.
func Names() []string {
	names := []string{indexFile, searchFile, assetsDir, listDir, datasetDir, vocabDir, htaccess, nginxConf, recordsPath}
	for _, s := range rdf.Schemes() {
		names = append(names, s.Path(), s.Path()+".ttl", s.Path()+".nt", s.Path()+".jsonld")
	}
	return names
}

// Write writes the site of ds into dir, which must exist and should be
// empty: a file that exists already is an error. It maps ds once,
// writing each document's files as its nodes come, on every CPU, so
// memory stays bounded by the records; the index, list and scheme pages
// follow. The same dataset gives the same bytes. Write stops when ctx is
// cancelled, leaving what it wrote.
func Write(ctx context.Context, dir string, ds *model.Dataset, opts Options) error {
	m := opts.Mapping
	if m == nil {
		var err error
		if m, err = rdf.NewMapper(ds); err != nil {
			return err
		}
	} else if m.Dataset() != ds {
		return errors.New("site: the mapping in the options is of another dataset")
	}
	w, err := newWriter(dir, m, opts)
	if err != nil {
		return err
	}
	return w.run(ctx)
}

// writer is one site being written.
type writer struct {
	dir  string
	m    *rdf.Mapper
	ds   *model.Dataset
	base string
	opts Options
	rel  *relations
	ctx  *contextSubset

	ttlHeader []byte                           // the prefixes every .ttl starts with
	render    func(dst []byte, p *page) []byte // appends a page's HTML
	bufs      sync.Pool                        // of *[]byte: scratch for a file's bytes
	freeDocs  sync.Pool                        // of *doc, written
	dirs      sync.Map                         // the directories made so far

	// Gathered during the pass, for the pages written after it.
	triples, subjects int
	schemes           map[string]*doc   // scheme path → its document
	concepts          map[string][]*doc // scheme path → its concepts, in IRI order
}

// doc is one document of the site: a subject that is no hash node,
// with its hash nodes, serialised.
type doc struct {
	iri    string
	path   string // iri without the base: id/{id}, roles, roles/{slug}
	ttl    []byte
	nt     []byte
	jsonld []byte // the node objects, each starting with ",\n    {"
	labels model.Text
}

func newWriter(dir string, m *rdf.Mapper, opts Options) (*writer, error) {
	w := &writer{
		dir: dir, m: m, ds: m.Dataset(), base: m.Base(), opts: opts,
		render:   appendPage,
		schemes:  map[string]*doc{},
		concepts: map[string][]*doc{},
	}
	var hdr bytes.Buffer
	tw := turtle.NewWriter(&hdr)
	if err := tw.Begin(m); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	w.ttlHeader = hdr.Bytes()
	w.bufs.New = func() any { b := make([]byte, 0, 16<<10); return &b }
	var err error
	if w.ctx, err = newContextSubset(); err != nil {
		return nil, err
	}
	w.rel = newRelations(m)
	return w, nil
}

func (w *writer) run(ctx context.Context) error {
	docs := make(chan *doc, 64)
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	failed := func() error {
		mu.Lock()
		defer mu.Unlock()
		return firstErr
	}
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				if failed() != nil {
					continue
				}
				if err := w.writeDoc(d); err != nil {
					fail(err)
				}
				if !isSchemePath(d.path) { // a scheme's is kept for its page
					w.freeDoc(d)
				}
			}
		}()
	}
	var cur *doc
	ttl := turtle.NewWriter(nil).NewEncoder(w.m)
	nt := ntriples.Encoder{}
	// A zero jsonld.Encoder puts a comma before every node; a document's
	// first comma is cut when the document is written.
	jl := &jsonld.Encoder{}
	flush := func() {
		if cur != nil {
			docs <- cur
			cur = nil
		}
	}
	err := w.m.EachNode(func(n *rdf.Node) error {
		if err := firstError(ctx.Err(), failed()); err != nil {
			return err
		}
		subj := string(n.Subject())
		iri, _, _ := strings.Cut(subj, "#")
		if cur == nil || cur.iri != iri {
			flush()
			p, err := w.docPath(iri)
			if err != nil {
				return err
			}
			cur = w.newDoc(iri, p)
		}
		w.subjects++
		w.triples += len(n.Triples())
		var err error
		if cur.ttl, err = ttl.AppendNode(cur.ttl, n); err != nil {
			return err
		}
		if cur.nt, err = nt.AppendNode(cur.nt, n); err != nil {
			return err
		}
		if cur.jsonld, err = jl.AppendNode(cur.jsonld, n); err != nil {
			return err
		}
		if subj == iri {
			cur.labels = labelsOf(n)
			w.noteScheme(cur)
		}
		return nil
	})
	flush()
	close(docs)
	wg.Wait()
	if err := firstError(err, failed(), ctx.Err()); err != nil {
		return err
	}
	return w.writeOverview()
}

// newDoc returns an empty document, reusing the buffers of one
// written before: a document's three serialisations were half of
// what a site allocated.
func (w *writer) newDoc(iri, path string) *doc {
	d, _ := w.freeDocs.Get().(*doc)
	if d == nil {
		return &doc{iri: iri, path: path}
	}
	*d = doc{iri: iri, path: path, ttl: d.ttl[:0], nt: d.nt[:0], jsonld: d.jsonld[:0]}
	return d
}

// freeDoc gives back a document written and no longer needed.
func (w *writer) freeDoc(d *doc) { w.freeDocs.Put(d) }

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// docPath returns the path of a document under the site's root; it
// refuses an IRI outside the base or one that is no safe file name (a
// mapping of valid records makes none).
func (w *writer) docPath(iri string) (string, error) {
	p, ok := strings.CutPrefix(iri, w.base)
	if !ok || p == "" || !safePath(p) {
		return "", fmt.Errorf("site: no page can be written for %s", iri)
	}
	return p, nil
}

func safePath(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
				return false
			}
		}
	}
	return true
}

// noteScheme keeps the documents of concept schemes and concepts, whose
// pages are written after the pass, when every concept is known.
func (w *writer) noteScheme(d *doc) {
	for _, s := range rdf.Schemes() {
		switch {
		case d.path == s.Path():
			w.schemes[s.Path()] = d
		case strings.HasPrefix(d.path, s.Path()+"/"):
			w.concepts[s.Path()] = append(w.concepts[s.Path()], &doc{iri: d.iri, path: d.path, labels: d.labels})
		}
	}
}

func isSchemePath(p string) bool {
	for _, s := range rdf.Schemes() {
		if p == s.Path() {
			return true
		}
	}
	return false
}

// labelsOf returns a node's skos:prefLabel values, or its
// dcterms:title.
func labelsOf(n *rdf.Node) model.Text {
	var pref, title model.Text
	for _, t := range n.Triples() {
		switch t.Predicate() {
		case rdf.SKOS.PrefLabel:
			pref = append(pref, model.LangString{Lang: t.Lang(), Value: t.Value()})
		case rdf.DCTerms.Title:
			title = append(title, model.LangString{Lang: t.Lang(), Value: t.Value()})
		}
	}
	if pref == nil {
		return title
	}
	return pref
}

// writeDoc writes a document's RDF files and, but for a concept
// scheme's, its page.
func (w *writer) writeDoc(d *doc) error {
	if err := w.createBuilt(d.path+".ttl", func(b []byte) []byte {
		return append(append(b, w.ttlHeader...), d.ttl...)
	}); err != nil {
		return err
	}
	if err := w.create(d.path+".nt", d.nt); err != nil {
		return err
	}
	if err := w.createBuilt(d.path+".jsonld", func(b []byte) []byte { return appendJSONLDDocument(b, d) }); err != nil {
		return err
	}
	if isSchemePath(d.path) {
		return nil // written with its concepts, after the pass
	}
	page, err := w.docPage(d)
	if err != nil {
		return err
	}
	return w.writePage(d.path, page)
}

// appendJSONLDDocument wraps a document's node objects as the dump's
// dataset.jsonld wraps the whole graph, with the context at the root.
func appendJSONLDDocument(b []byte, d *doc) []byte {
	b = append(b, "{\n  \"@context\": \""...)
	for range strings.Count(d.path, "/") {
		b = append(b, "../"...)
	}
	b = append(b, jsonld.ContextFile+"\",\n  \"@graph\": ["...)
	b = append(b, bytes.TrimPrefix(d.jsonld, []byte(","))...)
	return append(b, "\n  ]\n}\n"...)
}

// createBuilt writes the file rel with the bytes build appends to a
// scratch buffer, reused once the file is written: a site's pages and
// files, made in fresh buffers, were most of what it allocated.
func (w *writer) createBuilt(rel string, build func([]byte) []byte) error {
	bp := w.bufs.Get().(*[]byte)
	b := build((*bp)[:0])
	err := w.create(rel, b)
	*bp = b
	w.bufs.Put(bp)
	return err
}

// mkdir makes dir and its parents once: every document's files go into
// a few directories, and a stat for each file would cost as much as
// writing it.
func (w *writer) mkdir(dir string) error {
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	// Most directories are a record's, in a parent made before: one
	// mkdir, where MkdirAll would stat first.
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	w.dirs.Store(dir, true)
	return nil
}

// create writes one file of the site; it must not exist yet, so that two
// documents can never share a file unnoticed.
func (w *writer) create(rel string, data []byte) error {
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	if err := writeNew(p, data); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("site: %s exists already: a site is written into an empty directory, one file per document", rel)
		}
		return fmt.Errorf("site: writing %s: %w", path.Clean(rel), err)
	}
	return nil
}
