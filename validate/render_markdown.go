package validate

import (
	"io"
	"strconv"
	"strings"
)

// MarkdownMaxRows is how many diagnostics the Markdown report lists; a
// GitHub step summary holds at most 1 MiB, and 25,000 rows would not fit.
// The table of codes above the list still counts every diagnostic.
const MarkdownMaxRows = 1000

// WriteMarkdown writes diags as a Markdown report, for a GitHub step
// summary ($GITHUB_STEP_SUMMARY) or a pull-request comment: a heading
// with the summary, a table counting the diagnostics of each code (each
// code linked to its documentation), then one row per diagnostic with
// its position (or, for a record built in code, the record and key path:
// see [Diagnostic.Where]), code and message (summary, detail and related
// positions), at most [MarkdownMaxRows] of them. Text is escaped so that no record
// content can add Markdown or HTML of its own.
func WriteMarkdown(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	ew := newErrWriter(w)
	s := diags.summarize(opts)
	diags = diags.Shown()
	mark := "✅"
	switch {
	case s.Errors > 0:
		mark = "❌"
	case s.Warnings > 0:
		mark = "⚠️"
	}
	ew.print("### ", mark, " civicnet: ", s.String(), "\n")
	if len(diags) == 0 {
		return ew.flush()
	}
	ew.print("\n| code | severity | count |\n|---|---|---:|\n")
	counts := map[string]int{}
	severity := map[string]Severity{}
	for i := range diags {
		counts[diags[i].Code]++
		severity[diags[i].Code] = diags[i].Severity
	}
	for _, code := range sortedCodes(diags) {
		ew.print("| ", markdownCode(code), " | ", severity[code].String(), " | ", strconv.Itoa(counts[code]), " |\n")
	}
	ew.print("\n| | position | code | message |\n|---|---|---|---|\n")
	for i := range diags {
		if i == MarkdownMaxRows {
			ew.print("\n", plural(len(diags)-i, "more diagnostic"), " not listed here; the JSON or SARIF report (`civicnet validate --format sarif`) has them all.\n")
			break
		}
		d := &diags[i]
		icon := "❌"
		if d.Severity != Error {
			icon = "⚠️"
		}
		msg := markdownText(d.Summary)
		if d.Detail != "" {
			msg += "<br>" + markdownText(d.Detail)
		}
		for _, r := range d.Related {
			msg += "<br>" + markdownText(r.String()+": "+RelatedNote(d.Code))
		}
		ew.print("| ", icon, " ", d.Severity.String(), " | ", markdownText(d.Where()), " | ", markdownCode(d.Code), " | ", msg, " |\n")
	}
	return ew.flush()
}

// markdownCode is a code linked to its documentation.
func markdownCode(code string) string {
	if _, ok := LookupCode(code); !ok {
		return markdownText(code)
	}
	return "[" + markdownText(code) + "](" + HelpURL(code) + ")"
}

// markdownEscaper keeps text literal in a GitHub-flavoured Markdown table
// cell: HTML is written as entities, Markdown punctuation is
// backslash-escaped, and line breaks become <br>.
var markdownEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "#", `\#`, "~", `\~`,
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

func markdownText(s string) string { return markdownEscaper.Replace(s) }
