package validate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
)

// gitlabIssue is one entry of a GitLab Code Quality report, with the
// fields GitLab documents as required.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// WriteGitLab writes diags as a GitLab Code Quality report (a JSON array,
// https://docs.gitlab.com/ci/testing/code_quality/), which GitLab shows on
// merge requests when a job names the file as artifacts:reports:codequality.
// Each diagnostic is an issue: description the summary (after the record
// and key path for a diagnostic without a position), check_name the
// code, severity "major" for an error and "minor" for a warning,
// location.path the file with forward slashes and location.lines.begin
// its line (1 when unknown). The fingerprint, which GitLab uses to tell
// new issues from fixed ones, hashes the code, file and summary (and the
// record and key path when there is no file, and how many identical ones
// came before), not the line, so that an issue keeps it when lines above
// it move.
func WriteGitLab(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	diags = diags.Shown()
	issues := make([]gitlabIssue, 0, len(diags))
	seen := map[string]int{}
	for i := range diags {
		d := &diags[i]
		path := filepath.ToSlash(d.Pos.File)
		if path == "" {
			path = "."
		}
		desc := d.Summary
		key := d.Code + "\x00" + path + "\x00" + d.Summary
		if !d.Pos.IsValid() && !d.Record.IsZero() {
			// No file to point at (a record built in code): the record
			// and key path say where, and tell the issues apart.
			desc = d.Where() + ": " + desc
			key += "\x00" + d.Where()
		}
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
		sev := "major"
		if d.Severity != Error {
			sev = "minor"
		}
		if d.Detail != "" {
			desc += " — " + d.Detail
		}
		issues = append(issues, gitlabIssue{Description: oneLine(desc), CheckName: d.Code,
			Fingerprint: hex.EncodeToString(sum[:16]), Severity: sev,
			Location: gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(1, d.Pos.Line)}}})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
