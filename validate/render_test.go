package validate_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// sample holds diagnostics that exercise every corner of the renderers:
// related positions, unknown positions, a multi-line detail, file names
// with spaces, colons and commas, standard input, and characters each
// format must escape.
var sample = validate.Diagnostics{
	{Severity: validate.Error, Code: "dangling-ref", Summary: `organization: no record has id "efsu"`,
		Detail: `did you mean "efus"?`, Pos: model.Pos{File: "records/regions/toscana.yaml", Line: 12, Col: 19}},
	{Severity: validate.Error, Code: "duplicate-id", Summary: `duplicate id "efus"`,
		Detail:  "ids are unique across all kinds of record;\nrename one of the two",
		Pos:     model.Pos{File: "my records/a, b: c.yaml", Line: 3, Col: 5},
		Related: []model.Pos{{File: "my records/first.yaml", Line: 1, Col: 5}}},
	{Severity: validate.Warning, Code: "missing-date", Summary: `event "100% <done> & more" has no date`,
		Pos: model.Pos{File: model.StdinName, Line: 1, Col: 1}},
	{Severity: validate.Error, Code: "read-error", Summary: "cannot read: permission denied",
		Detail: "check that the file exists and is readable", Pos: model.Pos{File: "locked.yaml"}},
	{Severity: validate.Error, Code: "some-future-code", Summary: "a code the renderers do not know\r\nyet"},
}

// inCode holds diagnostics of records built in code: no position, the
// record and key path instead, and a summary counting records.
var inCode = validate.Diagnostics{
	{Severity: validate.Error, Code: "reversed-interval", Summary: "during: end 2008 is before start 2011",
		Detail: "accepted forms: 2008, 2008-06", Record: validate.RecordName{Kind: "organization", ID: "efus"},
		Field: "memberships[2].during"},
	{Severity: validate.Error, Code: "missing-field", Summary: "organization has no name",
		Record: validate.RecordName{Kind: "organization", ID: "fisu"}},
	{Severity: validate.Error, Code: "bad-base", Summary: `base "https://data.example.org/net" does not end with /`,
		Record: validate.RecordName{Kind: "dataset"}, Field: "base"},
	{Severity: validate.Warning, Code: "no-sources", Summary: `region "toscana" has no sources`,
		Pos: model.Pos{File: "toscana.yaml", Line: 1, Col: 1}, Record: validate.RecordName{Kind: "region", ID: "toscana"}},
}

func TestRenderGolden(t *testing.T) {
	for _, f := range validate.Formats {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, validate.Render(&buf, f, sample, validate.RenderOptions{Files: 4}))
			checkGolden(t, "testdata/render/sample."+f.String(), buf.Bytes())
		})
	}
	t.Run("text in colour", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, validate.WriteText(&buf, sample, validate.RenderOptions{Files: 4, Color: true}))
		checkGolden(t, "testdata/render/sample-color.text", buf.Bytes())
	})
	t.Run("records built in code", func(t *testing.T) {
		for _, f := range validate.Formats {
			var buf bytes.Buffer
			require.NoError(t, validate.Render(&buf, f, inCode, validate.RenderOptions{Records: 12}))
			checkGolden(t, "testdata/render/in-code."+f.String(), buf.Bytes())
		}
	})
	t.Run("nothing found", func(t *testing.T) {
		for _, f := range validate.Formats {
			var buf bytes.Buffer
			require.NoError(t, validate.Render(&buf, f, nil, validate.RenderOptions{Files: 12}))
			checkGolden(t, "testdata/render/empty."+f.String(), buf.Bytes())
		}
	})
}

func TestParseFormat(t *testing.T) {
	for _, f := range validate.Formats {
		got, err := validate.ParseFormat(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err := validate.ParseFormat("xml")
	assert.EqualError(t, err, `unknown format "xml": use text, json, github, sarif, markdown, gitlab`)
	assert.Error(t, validate.Render(&bytes.Buffer{}, validate.Format(0), nil, validate.RenderOptions{}))
}

// failingWriter fails every write, as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, assert.AnError }

func TestRenderReportsWriteErrors(t *testing.T) {
	for _, f := range validate.Formats {
		assert.ErrorIs(t, validate.Render(failingWriter{}, f, sample, validate.RenderOptions{}), assert.AnError, "Render(%v)", f)
	}
}
