package validate

import (
	"io"
	"strconv"
	"strings"
)

// WriteGitHub writes diags as GitHub Actions workflow commands, which
// annotate the files of a pull request:
//
//	::error file=a.yaml,line=3,col=15,title=dangling-ref::summary%0Adetail
//
// Properties escape %, CR, LF, : and ,; the message escapes %, CR and
// LF. Warnings use ::warning. GitHub shows at most ten annotations of
// each severity per step, so a last plain line gives the summary.
func WriteGitHub(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	ew := newErrWriter(w)
	for i := range diags {
		d := &diags[i]
		cmd := "error"
		if d.Severity != Error {
			cmd = "warning"
		}
		ew.print("::", cmd, " ")
		if d.Pos.File != "" {
			ew.print("file=", escapeProperty(d.Pos.File), ",")
		}
		if d.Pos.Line > 0 {
			ew.print("line=", strconv.Itoa(d.Pos.Line), ",")
			if d.Pos.Col > 0 {
				ew.print("col=", strconv.Itoa(d.Pos.Col), ",")
			}
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += "\n" + d.Detail
		}
		for _, r := range d.Related {
			msg += "\n" + r.String() + ": " + RelatedNote(d.Code)
		}
		ew.print("title=", escapeProperty(d.Code), "::", escapeMessage(msg), "\n")
	}
	ew.print("civicnet: ", diags.summarize(opts).String(), "\n")
	return ew.flush()
}

var (
	messageEscaper  = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeMessage(s string) string  { return messageEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
