package validate

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Format names an output format of a report.
type Format uint8

// The output formats. The zero Format is invalid on purpose.
const (
	// FormatText is for people and editors: "path:line:col:
	// error[code]: summary", the detail indented below. See [WriteText].
	FormatText Format = iota + 1
	// FormatJSON is a stable JSON document. See [WriteJSON].
	FormatJSON
	// FormatGitHub is GitHub Actions workflow commands, which annotate
	// a pull request. See [WriteGitHub].
	FormatGitHub
	// FormatSARIF is SARIF 2.1.0, for code-scanning tools. See
	// [WriteSARIF].
	FormatSARIF
	// FormatMarkdown is a Markdown report, for a GitHub step summary or
	// a pull-request comment. See [WriteMarkdown].
	FormatMarkdown
	// FormatGitLab is a GitLab Code Quality report. See [WriteGitLab].
	FormatGitLab
)

var formatNames = [...]string{"", "text", "json", "github", "sarif", "markdown", "gitlab"}

// Formats lists every format.
var Formats = []Format{FormatText, FormatJSON, FormatGitHub, FormatSARIF, FormatMarkdown, FormatGitLab}

// String returns the name --format uses ("text").
func (f Format) String() string {
	if int(f) < len(formatNames) && f != 0 {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// ParseFormat returns the format named s: text, json, github, sarif,
// markdown or gitlab.
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if i > 0 && n == s {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q: use %s", s, strings.Join(formatNames[1:], ", "))
}

// RenderOptions control rendering.
type RenderOptions struct {
	// Color adds ANSI colours to the text format. Set it only when the
	// output is a terminal and NO_COLOR is unset.
	Color bool
	// Files is the number of files checked, for the summary (see
	// [CountFiles]).
	Files int
	// Limit, when above 0, makes the text format print only the first
	// Limit diagnostics and a line counting the others; the summary
	// still counts them all.
	Limit int
	// Changed lists the files a pull request changes (slash- or
	// OS-separated, as the diagnostics name them): the GitHub format
	// spends its annotations on them first.
	Changed []string
	// MoreAt says where the whole report is ("the step summary and
	// civicnet.sarif"), for the GitHub format's last annotation when not
	// every diagnostic could be one.
	MoreAt string
	// Records is the number of records checked; the summary counts them
	// when no file was (records built in code): "in 12 records".
	Records int
}

// Render writes diags to w in format f. diags should be sorted, as
// Validate returns them.
func Render(w io.Writer, f Format, diags Diagnostics, opts RenderOptions) error {
	switch f {
	case FormatText:
		return WriteText(w, diags, opts)
	case FormatJSON:
		return WriteJSON(w, diags, opts)
	case FormatGitHub:
		return WriteGitHub(w, diags, opts)
	case FormatSARIF:
		return WriteSARIF(w, diags, opts)
	case FormatMarkdown:
		return WriteMarkdown(w, diags, opts)
	case FormatGitLab:
		return WriteGitLab(w, diags, opts)
	}
	return fmt.Errorf("validate: cannot render %v", f)
}

// errWriter buffers a renderer's output and keeps the first write
// error, so that a renderer can write line after line and check once, in
// [errWriter.flush]. Unbuffered, a report of 250,000 warnings cost more
// system calls than validating the records took.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter {
	return &errWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func (e *errWriter) print(parts ...string) {
	for _, s := range parts {
		if e.err != nil {
			return
		}
		_, e.err = e.w.WriteString(s)
	}
}

// flush writes what is buffered and returns the first error.
func (e *errWriter) flush() error {
	if e.err == nil {
		e.err = e.w.Flush()
	}
	return e.err
}
