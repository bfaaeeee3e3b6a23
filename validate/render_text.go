package validate

import (
	"io"
	"strings"
)

// ANSI styles of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiDim    = "\x1b[2m"
)

// WriteText writes diags for people, editors and CI problem matchers:
//
//	path:line:col: error[code]: summary
//	    detail, each line indented by four spaces
//	    path:line:col: note: what the related position is
//
// and a last summary line,
// "2 errors, 1 warning in 3 files". With opts.Limit, a line "… and 5
// more diagnostics not shown" comes before the summary. Positions drop
// what is unknown, as go/token does. A diagnostic of a record without a
// position (built in code) names the record and key path instead:
//
//	organization efus: memberships[2].during: error[reversed-interval]: …
//
// With opts.Color, severities and paths are coloured.
func WriteText(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	ew := newErrWriter(w)
	style := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	all := diags
	diags = diags.Shown()
	shown := diags
	if opts.Limit > 0 && len(diags) > opts.Limit {
		shown = diags[:opts.Limit]
	}
	for i := range shown {
		d := &shown[i]
		sev := style(ansiRed, d.Severity.String())
		if d.Severity != Error {
			sev = style(ansiYellow, d.Severity.String())
		}
		ew.print(style(ansiBold, d.Where()), ": ", sev, "[", d.Code, "]: ", oneLine(d.Summary), "\n")
		if d.Detail != "" {
			for line := range strings.SplitSeq(d.Detail, "\n") {
				ew.print("    ", line, "\n")
			}
		}
		for _, r := range d.Related {
			ew.print("    ", style(ansiDim, r.String()+": note: "+RelatedNote(d.Code)), "\n")
		}
	}
	if n := len(diags) - len(shown); n > 0 {
		ew.print("… and ", plural(n, "more diagnostic"), " not shown\n")
	}
	ew.print(all.summarize(opts).String(), "\n")
	return ew.flush()
}

// oneLine keeps a summary on its line, whatever it quotes.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}
