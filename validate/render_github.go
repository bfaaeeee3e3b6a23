package validate

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// GitHubAnnotationsPerStep is how many annotations of each severity
// GitHub shows for one step; it drops the others without notice (and
// shows at most 50 per job).
const GitHubAnnotationsPerStep = 10

// WriteGitHub writes diags as GitHub Actions workflow commands, which
// annotate the files of a pull request:
//
//	::error file=a.yaml,line=3,col=15,title=dangling-ref::summary%0Adetail
//
// Properties escape %, CR, LF, : and ,; the message escapes %, CR and
// LF. Warnings use ::warning.
//
// GitHub shows only [GitHubAnnotationsPerStep] annotations of each
// severity per step, so those are spent on the files of opts.Changed
// first, then in report order; the other diagnostics are printed as
// plain lines of the text format, visible in the log, and a last
// ::notice says how many there are and where the whole report is
// (opts.MoreAt). A last plain line gives the summary.
func WriteGitHub(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	summary := diags.summarize(opts)
	diags = diags.Shown()
	annotated := githubBudget(diags, opts.Changed)
	ew := newErrWriter(w)
	for _, i := range annotated {
		writeGitHubAnnotation(ew, &diags[i])
	}
	if len(annotated) < len(diags) {
		picked := make([]bool, len(diags))
		for _, i := range annotated {
			picked[i] = true
		}
		var rest Diagnostics
		for i := range diags {
			if !picked[i] {
				rest = append(rest, diags[i])
			}
		}
		ew.print("civicnet: ", plural(len(rest), "more diagnostic"), " than GitHub shows as annotations:\n")
		for i := range rest {
			ew.print(oneLine(rest[i].String()), "\n")
		}
		e, wn := rest.Counts()
		where := "the log of this step"
		if opts.MoreAt != "" {
			where = opts.MoreAt + " and " + where
		}
		msg := plural(e, "more error") + " and " + plural(wn, "more warning") + " than GitHub shows as annotations (" +
			strconv.Itoa(GitHubAnnotationsPerStep) + " of each per step); the whole report is in " + where
		ew.print("::notice title=", escapeProperty("civicnet: "+plural(len(rest), "more diagnostic")), "::", escapeMessage(msg), "\n")
	}
	ew.print("civicnet: ", summary.String(), "\n")
	return ew.flush()
}

// githubBudget returns the indices of the diagnostics to annotate, in the
// order to write them: at most GitHubAnnotationsPerStep errors and as
// many warnings, those in changed files first.
func githubBudget(diags Diagnostics, changed []string) []int {
	inChanged := make(map[string]bool, len(changed))
	for _, f := range changed {
		if f = strings.TrimSpace(f); f != "" {
			inChanged[filepath.ToSlash(filepath.Clean(f))] = true
		}
	}
	var out []int
	errs, warns := 0, 0
	pick := func(first bool) {
		for i := range diags {
			if inChanged[filepath.ToSlash(filepath.Clean(diags[i].Pos.File))] != first {
				continue
			}
			n := &warns
			if diags[i].Severity == Error {
				n = &errs
			}
			if *n < GitHubAnnotationsPerStep {
				*n++
				out = append(out, i)
			}
		}
	}
	if len(inChanged) > 0 {
		pick(true)
	}
	pick(false)
	return out
}

func writeGitHubAnnotation(ew *errWriter, d *Diagnostic) {
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

var (
	messageEscaper  = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeMessage(s string) string  { return messageEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
