package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// CSVTables returns the names of the CSV tables of a dump, in the order
// the dump writes them: regions, organizations, people, projects, events,
// places, memberships, participations. Table name "x" is the file
// csv/x.csv.
func CSVTables() []string {
	names := make([]string, len(csvTables))
	for i, t := range csvTables {
		names[i] = t.name
	}
	return names
}

// A CSVWriter writes one table of a dataset as CSV (SPEC 4.3): RFC 4180
// with CRLF line endings, UTF-8, one header row, one row per record sorted
// by id. The columns are documented in docs/dump.md and described by the
// CSVW metadata that [WriteCSVMetadata] writes.
//
// Multi-valued cells are joined with "|". Line breaks inside a cell are
// written as CRLF, invalid UTF-8 as U+FFFD. In the columns the metadata
// marks as guarded, a cell that a spreadsheet would run as a formula gets
// a leading "'" (see [UnguardCSVCell]).
type CSVWriter struct {
	// BOM starts the output with a UTF-8 byte order mark, for spreadsheet
	// programs that need one to read UTF-8. Set it before Write.
	BOM bool

	w     *csv.Writer
	table string
}

// NewCSVWriter returns a writer of the table named table (one of
// [CSVTables]) to w. The output is buffered: call Flush when done.
func NewCSVWriter(w io.Writer, table string) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw, table: table}
}

// Write writes the header and one row per record of the table's kind.
func (cw *CSVWriter) Write(ds *model.Dataset) error {
	tables, x := newTables(ds, cw.table)
	if len(tables) != 1 {
		return fmt.Errorf("unknown CSV table %q; tables are %s", cw.table, strings.Join(CSVTables(), ", "))
	}
	return cw.write(tables[0], x)
}

// Flush writes any buffered data to the underlying writer and reports any
// error met while writing.
func (cw *CSVWriter) Flush() error {
	cw.w.Flush()
	return cw.w.Error()
}

func (cw *CSVWriter) write(t *csvTable, x *csvIndex) error {
	header := make([]string, len(t.columns))
	for i, c := range t.columns {
		header[i] = c.name
	}
	if cw.BOM {
		header[0] = "\ufeff" + header[0]
	}
	if err := cw.w.Write(header); err != nil {
		return err
	}
	row := make([]string, len(t.columns))
	for _, r := range t.records {
		for i, c := range t.columns {
			row[i] = cellText(c.values(r, x), c.guarded)
		}
		if err := cw.w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// cellText joins the items of a cell, normalises it and guards it.
func cellText(items []string, guarded bool) string {
	s := strings.Join(items, multiSeparator)
	s = normalizeCell(s)
	if guarded {
		s = GuardCSVCell(s)
	}
	return s
}

// normalizeCell makes s valid UTF-8 with LF line breaks: CSV readers turn
// CRLF inside a quoted cell into LF anyway, and a lone CR would be a bare
// CR in the file.
func normalizeCell(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// GuardCSVCell returns s with a leading "'" when a spreadsheet could run it
// as a formula: it starts with =, +, -, @, tab or CR and is not a number.
// A cell that starts with "'" followed by a guarded text is guarded too,
// so that [UnguardCSVCell] restores every value exactly.
func GuardCSVCell(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// UnguardCSVCell undoes [GuardCSVCell]: it removes a leading "'" when
// what follows is a text that GuardCSVCell would have guarded. Apply it to
// the cells of the columns the CSVW metadata marks as guarded.
func UnguardCSVCell(s string) string {
	if strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}

// needsGuard reports whether s gets a leading "'": whether it is formula
// like once its leading "'"s are removed, since UnguardCSVCell removes
// one of them from any such cell.
func needsGuard(s string) bool { return formulaLike(strings.TrimLeft(s, "'")) }

// formulaLike reports whether a spreadsheet could read s as a formula.
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !isDecimalNumber(s)
	}
	return false
}

// isDecimalNumber reports whether s is a plain number: an optional sign,
// digits with an optional fraction (.5, 1.25), an optional exponent.
func isDecimalNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		fraction := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			fraction++
		}
		if fraction == 0 {
			return false // "1." is no number to every spreadsheet
		}
		digits += fraction
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}
