package site

import "strings"

// appendPage appends the HTML of a page. It writes by hand what the
// page template of testdata/page.html, run by html/template, writes for
// the same page, byte for byte (a test holds the two together): a
// record's page is a few kilobytes and the template's reflection cost
// more than the rest of the page's making.
func appendPage(b []byte, p *page) []byte {
	b = append(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"+
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>"...)
	b = appendText(b, p.Title)
	b = append(b, "</title>\n<link rel=\"stylesheet\" href=\""...)
	b = appendURL(b, p.Root)
	b = append(b, "assets/style.css"...)
	b = append(b, "\" />"...)
	for _, a := range p.Alternates {
		b = append(b, "\n<link rel=\"alternate\" type=\""...)
		b = appendText(b, a.Type)
		b = append(b, "\" href=\""...)
		b = appendURL(b, a.Href)
		b = append(b, "\" />"...)
	}
	if p.JSONLD != "" {
		b = append(b, "\n<script type=\"application/ld+json\">"...)
		b = append(b, p.JSONLD...)
		b = append(b, "</script>"...)
	}
	if p.Search {
		b = append(b, "\n<script src=\""...)
		b = appendURL(b, p.Root)
		b = append(b, "assets/search.js"...)
		b = append(b, "\" defer=\"defer\"></script>"...)
	}
	b = append(b, "\n</head>\n<body>\n<header>\n<nav aria-label=\"Site\"><a href=\""...)
	b = appendURL(b, p.Root)
	b = append(b, "\">Index</a> · <a href=\""...)
	b = appendURL(b, p.Root)
	b = append(b, "dataset/"...)
	b = append(b, "\">Dataset</a> · <a href=\""...)
	b = appendURL(b, p.Root)
	b = append(b, "vocabulary/"...)
	b = append(b, "\">Vocabulary</a></nav>\n</header>\n<main>\n<h1"...)
	b = appendLang(b, p.Heading.Lang)
	b = append(b, '>')
	b = appendText(b, p.Heading.Text)
	b = append(b, "</h1>"...)
	if p.Kind != "" {
		b = append(b, "\n<p class=\"kind\">"...)
		b = appendText(b, p.Kind)
		if p.IRI != "" {
			b = append(b, " · <code>"...)
			b = appendText(b, p.IRI)
			b = append(b, "</code>"...)
		}
		b = append(b, "</p>"...)
	}
	if len(p.Names) > 0 {
		b = append(b, "\n<p class=\"names\">Also known as: "...)
		for i, n := range p.Names {
			if i > 0 {
				b = append(b, "; "...)
			}
			b = append(b, "<span"...)
			b = appendLang(b, n.Lang)
			b = append(b, '>')
			b = appendText(b, n.Text)
			b = append(b, "</span>"...)
		}
		b = append(b, "</p>"...)
	}
	for _, d := range p.Description {
		b = append(b, "\n<p class=\"description\""...)
		b = appendLang(b, d.Lang)
		b = append(b, '>')
		b = appendText(b, d.Text)
		b = append(b, "</p>"...)
	}
	if p.Search {
		b = append(b, "\n<form id=\"search\" role=\"search\" hidden=\"hidden\">\n"+
			"<label for=\"q\">Search the records by name</label>\n"+
			"<input id=\"q\" type=\"search\" name=\"q\" autocomplete=\"off\" />\n"+
			"<ul id=\"search-results\" aria-live=\"polite\"></ul>\n</form>"...)
	}
	if len(p.Facts) > 0 {
		b = append(b, "\n<ul class=\"facts\">"...)
		b = appendItems(b, p.Facts)
		b = append(b, "\n</ul>"...)
	}
	if p.Timeline != "" {
		b = append(b, "\n<section id=\"timeline\">\n<h2>Timeline</h2>\n"...)
		b = append(b, p.Timeline...)
		b = append(b, "\n</section>"...)
	}
	for _, s := range p.Sections {
		b = append(b, "\n<section id=\""...)
		b = appendText(b, s.ID)
		b = append(b, "\">\n<h2>"...)
		b = appendText(b, s.Heading)
		b = append(b, "</h2>\n<ul>"...)
		b = appendItems(b, s.Items)
		b = append(b, "\n</ul>"...)
		if s.More != nil {
			b = append(b, "\n<p><a href=\""...)
			b = appendURL(b, s.More.Href)
			b = append(b, "\">"...)
			b = appendText(b, s.More.Text)
			b = append(b, "</a></p>"...)
		}
		b = append(b, "\n</section>"...)
	}
	if t := p.Table; t != nil {
		b = append(b, "\n<table>\n<thead><tr>"...)
		for _, h := range t.Head {
			b = append(b, "<th scope=\"col\">"...)
			b = appendText(b, h)
			b = append(b, "</th>"...)
		}
		b = append(b, "</tr></thead>\n<tbody>"...)
		for _, row := range t.Rows {
			b = append(b, "\n<tr>"...)
			for _, cell := range row {
				b = append(b, "<td>"...)
				b = appendSeg(b, cell)
				b = append(b, "</td>"...)
			}
			b = append(b, "</tr>"...)
		}
		b = append(b, "\n</tbody>\n</table>"...)
	}
	if len(p.Alternates) > 0 {
		b = append(b, "\n<section id=\"data\">\n<h2>Data</h2>\n<p>This page as data: "...)
		for i, a := range p.Alternates {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, "<a href=\""...)
			b = appendURL(b, a.Href)
			b = append(b, "\" type=\""...)
			b = appendText(b, a.Type)
			b = append(b, "\">"...)
			b = appendText(b, a.Label)
			b = append(b, "</a>"...)
		}
		b = append(b, ".</p>\n</section>"...)
	}
	return append(b, "\n</main>\n</body>\n</html>\n"...)
}

func appendItems(b []byte, items []fact) []byte {
	for _, f := range items {
		b = append(b, "\n<li>"...)
		for _, s := range f {
			b = appendSeg(b, s)
		}
		b = append(b, "</li>"...)
	}
	return b
}

// appendSeg writes a piece of a sentence: a link, text in a language of
// its own, or text.
func appendSeg(b []byte, s seg) []byte {
	switch {
	case s.Href != "":
		b = append(b, "<a href=\""...)
		b = appendURL(b, s.Href)
		b = append(b, '"')
		b = appendLang(b, s.Lang)
		if s.External {
			b = append(b, " rel=\"external\""...)
		}
		b = append(b, '>')
		b = appendText(b, s.Text)
		return append(b, "</a>"...)
	case s.Lang != "":
		b = append(b, "<span lang=\""...)
		b = appendText(b, s.Lang)
		b = append(b, "\">"...)
		b = appendText(b, s.Text)
		return append(b, "</span>"...)
	}
	return appendText(b, s.Text)
}

// appendLang writes ` lang="…"` when lang is set.
func appendLang(b []byte, lang string) []byte {
	if lang == "" {
		return b
	}
	b = append(b, " lang=\""...)
	b = appendText(b, lang)
	return append(b, '"')
}

// htmlEscapes are what html/template replaces in text and in quoted
// attribute values.
var htmlEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// appendText escapes s for text or a double-quoted attribute value.
func appendText(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if r := htmlEscapes[s[i]]; r != "" {
			b = append(b, s[last:i]...)
			b = append(b, r...)
			last = i + 1
		}
	}
	return append(b, s[last:]...)
}

// appendURL writes a URL into a double-quoted attribute as html/template
// does: a scheme other than http, https or mailto becomes "#ZgotmplZ";
// bytes outside RFC 3986's unreserved and reserved sets are
// percent-encoded (valid escapes are kept), and the result is escaped
// for the attribute.
func appendURL(b []byte, s string) []byte {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		return append(b, "#ZgotmplZ"...)
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!#$*,/:;=?@[]", c) >= 0:
			b = append(b, c)
		case c == '&' || c == '+':
			b = append(b, htmlEscapes[c]...)
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
