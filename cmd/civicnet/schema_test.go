package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model/recordfile"
)

func TestSchemaCommand(t *testing.T) {
	var want bytes.Buffer
	require.NoError(t, recordfile.WriteSchema(&want))
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // "schema" for the schema itself
		stderr   string // a substring
		wantFile string
	}{
		{name: "stdout", args: []string{"schema"}, code: exitOK, stdout: "schema"},
		{name: "dash", args: []string{"schema", "-o", "-"}, code: exitOK, stdout: "schema"},
		{name: "file", args: []string{"schema", "-o", filepath.Join(dir, "records.schema.json")}, code: exitOK,
			wantFile: filepath.Join(dir, "records.schema.json")},
		{name: "long flag", args: []string{"schema", "--output=" + filepath.Join(dir, "b.json")}, code: exitOK,
			wantFile: filepath.Join(dir, "b.json")},
		{name: "help", args: []string{"schema", "-h"}, code: exitOK, stdout: schemaUsage},
		{name: "argument", args: []string{"schema", "records"}, code: exitUsage, stderr: "civicnet: schema takes no arguments"},
		{name: "unknown flag", args: []string{"schema", "--pretty"}, code: exitUsage, stderr: "unknown flag: --pretty"},
		{name: "empty output", args: []string{"schema", "-o", ""}, code: exitUsage, stderr: "-o needs a file name"},
		{name: "unwritable", args: []string{"schema", "-o", filepath.Join(dir, "missing", "x.json")}, code: exitFailure,
			stderr: "civicnet: cannot write the schema"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(""), &stdout, &stderr)
			require.Equal(t, tc.code, code, "run(%q): stderr %s", tc.args, stderr.String())
			switch tc.stdout {
			case "schema":
				assert.Equal(t, want.String(), stdout.String())
				assert.True(t, json.Valid(stdout.Bytes()))
			default:
				assert.Equal(t, tc.stdout, stdout.String())
			}
			if tc.stderr == "" {
				assert.Empty(t, stderr.String())
			} else {
				assert.Contains(t, stderr.String(), tc.stderr)
			}
			if tc.wantFile != "" {
				got, err := os.ReadFile(tc.wantFile)
				require.NoError(t, err)
				assert.Equal(t, want.String(), string(got))
			}
		})
	}
}
