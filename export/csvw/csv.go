package csvw

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// Tables returns the names of the CSV tables of a dump, in the order
// the dump writes them: regions, organizations, people, projects, events,
// places, memberships, participations. Table name "x" is the file
// csv/x.csv.
func Tables() []string {
	names := make([]string, len(csvTables))
	for i, t := range csvTables {
		names[i] = t.name
	}
	return names
}

// A Writer writes one table of a dataset as CSV (SPEC 4.3): RFC 4180
// with CRLF line endings, UTF-8, one header row, one row per record sorted
// by id. The columns are documented in docs/dump.md and described by the
// CSVW metadata that [WriteMetadata] writes.
//
// Multi-valued cells are joined with "|". Line breaks inside a cell are
// written as CRLF, invalid UTF-8 as U+FFFD. In the columns the metadata
// marks as guarded, a cell that a spreadsheet would run as a formula gets
// a leading "'" (see [UnguardCell]).
type Writer struct {
	// BOM starts the output with a UTF-8 byte order mark, for spreadsheet
	// programs that need one to read UTF-8. Set it before Write.
	BOM bool

	w     *csv.Writer
	table string
}

// NewWriter returns a writer of the table named table (one of [Tables])
// to w. The output is buffered: call Close when done.
func NewWriter(w io.Writer, table string) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: cw, table: table}
}

// Write writes the header and one row per record of the table's kind.
func (cw *Writer) Write(ds *model.Dataset) error {
	tables, x := newTables(ds, cw.table)
	if len(tables) != 1 {
		return fmt.Errorf("csvw: unknown table %q; tables are %s", cw.table, strings.Join(Tables(), ", "))
	}
	return cw.write(tables[0], x)
}

// Close writes any buffered data to the underlying writer and reports
// any error met while writing. It does not close the underlying
// io.Writer.
func (cw *Writer) Close() error {
	cw.w.Flush()
	return cw.w.Error()
}

func (cw *Writer) write(t *csvTable, x *csvIndex) error {
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
		s = GuardCell(s)
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

// GuardCell returns s with a leading "'" when a spreadsheet could run it
// as a formula: it starts with =, +, -, @, tab or CR and is not a number.
// A cell that starts with "'" followed by a guarded text is guarded too,
// so that [UnguardCell] restores every value exactly.
func GuardCell(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// UnguardCell undoes [GuardCell]: it removes a leading "'" when
// what follows is a text that GuardCell would have guarded. Apply it to
// the cells of the columns the CSVW metadata marks as guarded.
func UnguardCell(s string) string {
	if strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}

// needsGuard reports whether s gets a leading "'": whether it is formula
// like once its leading "'"s are removed, since UnguardCell removes
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

// Layout is the tables of one dataset, laid out once, for writing all of
// them (as a dump does) without indexing the records once per table.
type Layout struct {
	tables []*csvTable
	x      *csvIndex
}

// NewLayout lays out every table of ds.
func NewLayout(ds *model.Dataset) *Layout {
	tables, x := newTables(ds)
	return &Layout{tables: tables, x: x}
}

// WriteTable writes the table named table as [Writer] does, starting
// with a byte order mark when bom is set.
func (l *Layout) WriteTable(w io.Writer, table string, bom bool) error {
	for _, t := range l.tables {
		if t.name == table {
			cw := NewWriter(w, table)
			cw.BOM = bom
			if err := cw.write(t, l.x); err != nil {
				return err
			}
			return cw.Close()
		}
	}
	return fmt.Errorf("csvw: unknown table %q; tables are %s", table, strings.Join(Tables(), ", "))
}

// TableAbout says what a row of the table named table is ("regional
// authorities together with the territory they govern"), or returns the
// name itself for a table it does not know.
func TableAbout(table string) string {
	for _, t := range csvTables {
		if t.name == table {
			return t.about
		}
	}
	return table
}
