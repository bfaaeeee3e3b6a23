package site_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/site"
)

// noRedirect is a client that reports redirects instead of following
// them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, url, accept string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := noRedirect.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestServeNegotiatesDocuments(t *testing.T) {
	srv := httptest.NewServer(site.NewHandler(os.DirFS(examples(t))))
	defer srv.Close()
	for _, tc := range []struct {
		name, path, accept string
		status             int
		location           string
	}{
		{"browser", "/id/efus", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 303, "/id/efus/"},
		{"no Accept", "/id/efus", "", 303, "/id/efus/"},
		{"anything", "/id/efus", "*/*", 303, "/id/efus/"},
		{"turtle", "/id/efus", "text/turtle", 303, "/id/efus.ttl"},
		{"json-ld", "/id/efus", "application/ld+json", 303, "/id/efus.jsonld"},
		{"n-triples", "/id/efus", "application/n-triples", 303, "/id/efus.nt"},
		{"json", "/id/efus", "application/json", 303, "/id/efus.jsonld"},
		{"weights", "/id/efus", "text/html;q=0.5, text/turtle;q=0.9, */*;q=0.1", 303, "/id/efus.ttl"},
		{"refused html", "/id/efus", "text/html;q=0, */*", 303, "/id/efus.ttl"},
		{"rdf rapper", "/id/efus", "application/n-triples, text/turtle;q=0.5", 303, "/id/efus.nt"},
		{"concept", "/roles/member", "text/turtle", 303, "/roles/member.ttl"},
		{"scheme", "/roles", "text/html", 303, "/roles/"},
		{"source", "/id/1dd388e6-0df9-5132-8846-6392e0fea3a9", "application/ld+json", 303, "/id/1dd388e6-0df9-5132-8846-6392e0fea3a9.jsonld"},
		{"not acceptable", "/id/efus", "image/png", 406, ""},
		{"unknown record", "/id/no-such-record", "text/turtle", 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := get(t, srv.URL+tc.path, tc.accept)
			assert.Equal(t, tc.status, resp.StatusCode, "GET %s with Accept %q", tc.path, tc.accept)
			assert.Equal(t, tc.location, resp.Header.Get("Location"))
			if tc.status != 404 {
				assert.Equal(t, "Accept", resp.Header.Get("Vary"))
			}
		})
	}
}

func TestServeFilesWithTheirMediaTypes(t *testing.T) {
	srv := httptest.NewServer(site.NewHandler(os.DirFS(examples(t))))
	defer srv.Close()
	for path, want := range map[string]string{
		"/id/efus/":         "text/html; charset=utf-8",
		"/id/efus.ttl":      "text/turtle; charset=utf-8",
		"/id/efus.nt":       "application/n-triples; charset=utf-8",
		"/id/efus.jsonld":   "application/ld+json",
		"/search.json":      "application/json",
		"/":                 "text/html; charset=utf-8",
		"/assets/search.js": "text/javascript; charset=utf-8",
	} {
		resp := get(t, srv.URL+path, "")
		assert.Equal(t, 200, resp.StatusCode, path)
		assert.Equal(t, want, resp.Header.Get("Content-Type"), path)
		body, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.NotEmpty(t, body, path)
	}
	// Following the redirect of a record's IRI ends at its page.
	resp, err := http.Get(srv.URL + "/id/efus")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	assert.Contains(t, string(body), "<h1>European Forum for Urban Security</h1>")

	post, err := http.Post(srv.URL+"/id/efus", "text/plain", nil)
	require.NoError(t, err)
	post.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, post.StatusCode)
}
