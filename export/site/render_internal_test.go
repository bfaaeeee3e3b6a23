package site

import (
	"bytes"
	"context"
	"encoding/json"
	"html/template"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/rdf"
)

// pageTemplate is the page as an html/template: the oracle appendPage
// is held to. html/template escapes by context, so its output is the
// reference for what each field needs.
var pageTemplate = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"list": func(s seg) []seg { return []seg{s} },
}).ParseFiles("testdata/page.html"))

func executeTemplate(t testing.TB, p *page) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, pageTemplate.Execute(&b, p))
	return b.Bytes()
}

// TestRenderMatchesTemplate writes the whole site of examples/ with a
// renderer that checks every page against the template.
func TestRenderMatchesTemplate(t *testing.T) {
	m, err := rdf.NewMapper(exporttest.Examples(t))
	require.NoError(t, err)
	w, err := newWriter(t.TempDir(), m, Options{})
	require.NoError(t, err)
	pages := 0
	w.render = func(dst []byte, p *page) []byte {
		got := appendPage(dst, p)
		want := executeTemplate(t, p)
		if !assert.Equal(t, string(want), string(got), "page %q", p.Title) {
			t.FailNow()
		}
		pages++
		return got
	}
	require.NoError(t, w.run(context.Background()))
	assert.Greater(t, pages, 50, "pages rendered")
}

// TestRenderEscapesLikeTemplate gives the renderer the strings that
// need escaping in each context: text, attributes, URLs, the JSON-LD
// script.
func TestRenderEscapesLikeTemplate(t *testing.T) {
	nasty := []string{
		``, `plain`, `<b>&amp;</b>`, `"quoted" 'single'`, `a+b=c`, "tab\tnl\ncr\r",
		"nul\x00", "Zürich – Ελλάδα 東京", `javascript:alert(1)`, `JavaScript:x`,
		`vbscript:x`, `data:text/html,x`, `mailto:a@b.c`, `https://x.org/a b?q=<1>&r="2"#f`,
		`https://x.org/%41%zz%`, `../../id/x/`, `//evil.org/`, `?q=é`, "https://x.org/\u2028",
		"\u2028\u2029", "`backtick`", `{{.}}`, "\x7f\x80\xff",
	}
	for _, s := range nasty {
		sg := seg{Text: s, Href: s, Lang: s, External: true}
		p := &page{
			Root: s, Title: s, Heading: seg{Text: s, Lang: s}, Kind: s, IRI: s,
			Names:       []seg{{Text: s, Lang: s}, {Text: s}},
			Description: []seg{{Text: s, Lang: s}, {Text: s}},
			Facts:       []fact{{sg, text(s), {Text: s, Lang: s}}},
			Sections: []section{{ID: s, Heading: s, Items: []fact{{sg}, {text(s)}}, More: &sg},
				{ID: "x", Heading: "y", Items: []fact{{text(s)}}}},
			Alternates: []alternate{{Type: s, Href: s, Label: s}},
			JSONLD:     template.JS(`{"@graph":[{"name":"` + s + `"}]}`),
			Timeline:   template.HTML(`<svg></svg>`),
			Search:     true,
			Table:      &table{Head: []string{s, "b"}, Rows: [][]seg{{sg, text(s)}}},
		}
		assert.Equal(t, string(executeTemplate(t, p)), string(appendPage(nil, p)), "%q", s)
		assert.Equal(t, string(executeTemplate(t, &page{Heading: text(s)})), string(appendPage(nil, &page{Heading: text(s)})), "%q", s)
	}
}

// appendCompact is json.Compact followed by json.HTMLEscape, in one
// pass, for valid JSON.
func FuzzAppendCompact(f *testing.F) {
	for _, s := range []string{
		`{}`, `[ 1, 2 ]`, "{\n  \"a\": \"b c\",\n\t\"d\": [ true, null ]\r\n}",
		`{"q": "say \"hi\" \\ then <b>&amp;</b>"}`, `{"s": "\\"}`, `["\\\" <", " > "]`,
		"[\"\u2028\u2029 \u20ac\"]", `["\u2028 escaped"]`, `{"n": -1.5e+3 , "x" : "  "}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !json.Valid(src) {
			return
		}
		var compact, want bytes.Buffer
		require.NoError(t, json.Compact(&compact, src))
		json.HTMLEscape(&want, compact.Bytes())
		assert.Equal(t, want.String(), string(appendCompact(nil, src)))
	})
}
