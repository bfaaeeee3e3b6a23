package validate

import (
	"encoding/json"
	"io"
)

// JSONVersion is the version of the JSON format; it changes only when a
// field is removed or changes meaning.
const JSONVersion = 1

// jsonReport is the JSON format. Every key is always present, so that a
// consumer need not test for absence: detail is "" when there is none,
// related [] and line and column 0 when unknown.
type jsonReport struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Summary     jsonSummary      `json:"summary"`
}

type jsonDiagnostic struct {
	Severity string         `json:"severity"`
	Code     string         `json:"code"`
	Summary  string         `json:"summary"`
	Detail   string         `json:"detail"`
	File     string         `json:"file"`
	Line     int            `json:"line"`
	Column   int            `json:"column"`
	Related  []jsonPosition `json:"related"`
	Record   jsonRecord     `json:"record"`
	Field    string         `json:"field"`
	// Suppressed is null, or why the diagnostic does not count.
	Suppressed *jsonSuppression `json:"suppressed"`
}

type jsonRecord struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

type jsonSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
	File          string `json:"file"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
}

type jsonPosition struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type jsonSummary struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Files      int `json:"files"`
	Records    int `json:"records"`
	Suppressed int `json:"suppressed"`
}

// WriteJSON writes diags as one JSON document (docs/diagnostics.md
// documents it):
//
//	{"version": 1,
//	 "diagnostics": [{"severity": "error", "code": "dangling-ref",
//	   "summary": "…", "detail": "…", "file": "a.yaml", "line": 3,
//	   "column": 15, "related": [{"file": …, "line": …, "column": …}],
//	   "record": {"kind": "region", "id": "regione-toscana"},
//	   "field": "memberships[0].organization", "suppressed": null}],
//	 "summary": {"errors": 1, "warnings": 0, "files": 1, "records": 0,
//	   "suppressed": 0}}
//
// A suppressed diagnostic (its code turned off by the rules, or its
// record an accepted exception) has "suppressed": {"kind": "rules",
// "justification": "…", "file", "line", "column" of the rule}, and is
// not counted among the errors and warnings.
//
// Columns count Unicode code points from 1; 0 means unknown. record and
// field name the record and the key path of the value, with or without
// a position; record.kind is "dataset" for the dataset description, and
// both are "" for a problem in no record. summary.records is the count
// given in opts.Records (0 when not given).
func WriteJSON(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	s := diags.summarize(opts)
	rep := jsonReport{
		Version:     JSONVersion,
		Diagnostics: make([]jsonDiagnostic, 0, len(diags)),
		Summary: jsonSummary{Errors: s.Errors, Warnings: s.Warnings, Files: s.Files, Records: s.Records,
			Suppressed: s.Suppressed},
	}
	for _, d := range diags {
		jd := jsonDiagnostic{Severity: d.Severity.String(), Code: d.Code, Summary: d.Summary, Detail: d.Detail,
			File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Col, Related: make([]jsonPosition, 0, len(d.Related)),
			Record: jsonRecord{Kind: d.Record.Kind, ID: d.Record.ID}, Field: d.Field}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonPosition{File: r.File, Line: r.Line, Column: r.Col})
		}
		if sp := d.Suppressed; sp != nil {
			jd.Suppressed = &jsonSuppression{Kind: sp.Kind, Justification: sp.Justification,
				File: sp.Pos.File, Line: sp.Pos.Line, Column: sp.Pos.Col}
		}
		rep.Diagnostics = append(rep.Diagnostics, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
