package site

import (
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// representations are what a document IRI can be answered with, in the
// order preferred when a client accepts several equally: the page first,
// for browsers that send */*.
var representations = []struct {
	mediaType string
	suffix    string // appended to the document's path
}{
	{"text/html", "/"},
	{"text/turtle", ".ttl"},
	{"application/ld+json", ".jsonld"},
	{"application/n-triples", ".nt"},
	{"application/json", ".jsonld"},
}

// contentTypes are the media types of the files of a site and its dump.
var contentTypes = map[string]string{
	".html":   "text/html; charset=utf-8",
	".ttl":    "text/turtle; charset=utf-8",
	".nt":     "application/n-triples; charset=utf-8",
	".jsonld": "application/ld+json",
	".json":   "application/json",
	".csv":    "text/csv; charset=utf-8",
	".css":    "text/css; charset=utf-8",
	".js":     "text/javascript; charset=utf-8",
	".png":    "image/png",
	".conf":   "text/plain; charset=utf-8",
}

// NewHandler returns a handler that serves the site in fsys (the
// directory Write wrote, as os.DirFS) at the root of its URL space, for
// preview and small deployments. A document IRI (id/{id}, a concept
// scheme, a concept) is answered as "Cool URIs for the Semantic Web"
// describes for slash IRIs: 303 See Other to its page ({path}/) or, by
// the request's Accept header, to {path}.ttl, {path}.jsonld or
// {path}.nt, with "Vary: Accept"; 406 when none is acceptable. Every
// other path is the file itself, with its media type.
func NewHandler(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
			return
		}
		p := strings.TrimPrefix(r.URL.Path, "/")
		if isDocument(fsys, p) {
			w.Header().Add("Vary", "Accept")
			suffix, ok := negotiate(r.Header.Get("Accept"))
			if !ok {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusNotAcceptable)
				last := path.Base(p)
				_, _ = w.Write([]byte("Not acceptable. Available: " + last + "/ (text/html), " + last + ".ttl (text/turtle), " +
					last + ".jsonld (application/ld+json), " + last + ".nt (application/n-triples)\n"))
				return
			}
			http.Redirect(w, r, "/"+p+suffix, http.StatusSeeOther)
			return
		}
		if ct, ok := contentTypes[path.Ext(p)]; ok {
			w.Header().Set("Content-Type", ct)
		}
		files.ServeHTTP(w, r)
	})
}

// isDocument reports whether p, a path without a trailing slash or an
// extension, names a document of the site: it has a page and RDF files.
func isDocument(fsys fs.FS, p string) bool {
	if p == "" || strings.HasSuffix(p, "/") || path.Ext(p) != "" || !fs.ValidPath(p) {
		return false
	}
	if _, err := fs.Stat(fsys, p+".nt"); err != nil {
		return false
	}
	_, err := fs.Stat(fsys, p+"/"+indexFile)
	return err == nil
}

// negotiate picks the representation for an Accept header (RFC 9110
// 12.5.1): the highest quality any media range gives it, the most
// specific range deciding; among equals, the first of representations.
// No header accepts everything.
func negotiate(accept string) (suffix string, ok bool) {
	if strings.TrimSpace(accept) == "" {
		return representations[0].suffix, true
	}
	type mediaRange struct {
		typ, sub string
		q        float64
	}
	var ranges []mediaRange
	for _, part := range strings.Split(accept, ",") {
		fields := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(fields[0]))
		typ, sub, found := strings.Cut(mt, "/")
		if !found {
			continue
		}
		q := 1.0
		for _, param := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(param), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
					q = f
				}
			}
		}
		ranges = append(ranges, mediaRange{typ, sub, q})
	}
	best, bestQ := -1, 0.0
	for i, rep := range representations {
		typ, sub, _ := strings.Cut(rep.mediaType, "/")
		q, specificity := 0.0, -1
		for _, mr := range ranges {
			s := -1
			switch {
			case mr.typ == typ && mr.sub == sub:
				s = 2
			case mr.typ == typ && mr.sub == "*":
				s = 1
			case mr.typ == "*" && mr.sub == "*":
				s = 0
			}
			if s > specificity {
				q, specificity = mr.q, s
			}
		}
		if q > bestQ {
			best, bestQ = i, q
		}
	}
	if best < 0 {
		return "", false
	}
	return representations[best].suffix, true
}
