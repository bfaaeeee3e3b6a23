package site

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/civicnet/civicnet/model"
)

// timelineLength bounds the bars of the timeline: the earliest ones are
// drawn, and the caption says how many are left out.
const timelineLength = 120

type bar struct {
	first, last int // years
	ongoing     bool
	event       bool
	label, href string
	title       string
}

// timeline draws the dated events and memberships as inline SVG: one
// bar a row, each a link to its record, with a title and description
// for screen readers. It needs no script and no stylesheet.
func (w *writer) timeline(p *page) template.HTML {
	var bars []bar
	for _, r := range w.ds.Records {
		var iv model.Interval
		event := false
		switch r := r.(type) {
		case *model.Event:
			iv, event = r.Date, true
		case *model.Membership:
			iv = r.During
		default:
			continue
		}
		first, last, ok := years(iv)
		if !ok {
			continue
		}
		name := w.recordName(r).Text
		bars = append(bars, bar{first: first, last: last, ongoing: iv.Ongoing(), event: event, label: name,
			href: p.Root + recordsPath + "/" + r.Base().ID + "/", title: name + ", " + strings.TrimSpace(periodWords(iv))})
	}
	if len(bars) == 0 {
		return ""
	}
	slices.SortFunc(bars, func(a, b bar) int {
		return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.last, b.last), strings.Compare(a.label, b.label), strings.Compare(a.href, b.href))
	})
	total := len(bars)
	bars = bars[:min(len(bars), timelineLength)]
	lo, hi := bars[0].first, bars[0].last
	for _, b := range bars {
		lo, hi = min(lo, b.first), max(hi, b.last)
	}
	hi++ // bars end at the end of their last year; ongoing ones run to the edge
	const (
		width, left, right, top, row = 960, 380, 950, 36, 20
	)
	height := top + row*len(bars) + 10
	x := func(year int) int { return left + (year-lo)*(right-left)/max(1, hi-lo) }
	step := 1
	switch span := hi - lo; {
	case span > 80:
		step = 20
	case span > 40:
		step = 10
	case span > 16:
		step = 5
	}
	var b strings.Builder
	desc := fmt.Sprintf("%d dated events and memberships from %d to %d, one bar each, earliest first", len(bars), lo, hi-1)
	if total > len(bars) {
		desc += fmt.Sprintf("; the %d later ones are in the lists below", total-len(bars))
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" role="group" aria-labelledby="timeline-title timeline-desc">`, width, height)
	fmt.Fprintf(&b, "\n<title id=\"timeline-title\">Timeline of events (blue) and memberships (green)</title>\n<desc id=\"timeline-desc\">%s</desc>\n", esc(desc))
	for y := lo - lo%step; y <= hi; y += step {
		if y < lo {
			continue
		}
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#ccc" />`+"\n", x(y), top-10, x(y), height-5)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="middle" fill="#333">%d</text>`+"\n", x(y), top-14, y)
	}
	for i, bb := range bars {
		y := top + i*row
		end := x(bb.last + 1)
		if bb.ongoing {
			end = right
		}
		fill := "#2a7d3f"
		if bb.event {
			fill = "#1f4e99"
		}
		fmt.Fprintf(&b, `<a href="%s"><title>%s</title>`, esc(bb.href), esc(bb.title))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="end" fill="#000">%s</text>`, left-6, y+11, esc(shorten(bb.label, 56)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="12" fill="%s" /></a>`+"\n", x(bb.first), y+1, max(3, end-x(bb.first)), fill)
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
