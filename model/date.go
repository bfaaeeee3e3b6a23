package model

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Precision of a Date. The zero value means "no date".
type Precision uint8

// Precisions, coarsest first.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// Date is an EDTF level-0/1 calendar date at year, month or day precision,
// optionally qualified. The zero Date is "absent" (IsZero).
//
// Only the subset of EDTF in SPEC 2.1 is read; [ParseDate] names each
// unsupported feature (X digits, seasons, Y years, negative years, times of
// day, sets) instead of calling it malformed.
type Date struct {
	Year        int16 // 0..9999 (4 digits always)
	Month, Day  uint8 // 0 when below precision
	Precision   Precision
	Approximate bool // "~" (or "%")
	Uncertain   bool // "?" (or "%")
}

// dateForms lists the accepted forms for [DateError.Hint].
const dateForms = "2008, 2008-06, 2008-07-18, 1997~, 2005?, 2005%, " +
	"2005/2006, 2001/.., ../2004, 2001/, /2004"

// DateError reports a date or interval that could not be read.
type DateError struct {
	Input string // the text as given
	Msg   string // what was wrong, terse: "month 13 out of range 01-12"
}

func (e *DateError) Error() string {
	return fmt.Sprintf("invalid date %q: %s", e.Input, e.Msg)
}

// Hint returns the line listing the accepted forms, for a diagnostic's
// detail.
func (e *DateError) Hint() string { return "accepted forms: " + dateForms }

// ParseDate reads a single EDTF date: 2008, 2008-06 or 2008-07-18, each
// optionally followed by one qualifier: ~ (approximate), ? (uncertain) or
// % (both). An error is a *DateError.
func ParseDate(s string) (Date, error) {
	d, msg := parseDate(s)
	if msg != "" {
		return Date{}, &DateError{Input: s, Msg: msg}
	}
	return d, nil
}

// String returns the EDTF text: "1997~", "2005%", "2008-06". It is the
// text [ParseDate] read, byte for byte. The zero Date gives "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var buf [16]byte
	return string(d.appendEDTF(buf[:0]))
}

// IsZero reports whether d is absent.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// ISO returns the date without its qualifier, in the form of
// xsd:gYear, xsd:gYearMonth or xsd:date: "2008", "2008-06",
// "2008-07-18". The zero Date gives "".
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	var buf [16]byte
	return string(d.appendISO(buf[:0]))
}

// First returns the earliest day d covers, at midnight UTC: 2008 gives
// 2008-01-01. The zero Date gives the zero time.Time.
func (d Date) First() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(int(d.Year), time.Month(max(d.Month, 1)), int(max(d.Day, 1)), 0, 0, 0, 0, time.UTC)
}

// Last returns the latest day d covers, at midnight UTC: 2008 gives
// 2008-12-31, 2008-02 gives 2008-02-29. The zero Date gives the zero
// time.Time.
func (d Date) Last() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	y, m, day := d.lastDay()
	return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Compare orders dates by their first day, then by their last day:
// 2008-01 < 2008 < 2008-02, since 2008 starts with January but ends later.
// Qualifiers take no part. The zero Date sorts before every other date.
func (d Date) Compare(o Date) int {
	if d.IsZero() || o.IsZero() {
		// Precision is PrecisionNone only for the zero Date.
		return cmp.Compare(d.Precision, o.Precision)
	}
	if c := cmp.Compare(d.firstKey(), o.firstKey()); c != 0 {
		return c
	}
	return cmp.Compare(d.lastKey(), o.lastKey())
}

// firstKey and lastKey map the first and last day to integers that order
// like the days, without building a time.Time.
func (d Date) firstKey() int {
	return dayKey(int(d.Year), int(max(d.Month, 1)), int(max(d.Day, 1)))
}

func (d Date) lastKey() int {
	return dayKey(d.lastDay())
}

func (d Date) lastDay() (year, month, day int) {
	year, month, day = int(d.Year), int(d.Month), int(d.Day)
	if month == 0 {
		month = 12
	}
	if day == 0 {
		day = daysInMonth(year, month)
	}
	return year, month, day
}

func dayKey(year, month, day int) int { return year<<9 | month<<5 | day }

func (d Date) appendISO(b []byte) []byte {
	if y := int(d.Year); y >= 0 && y <= 9999 {
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	} else {
		b = strconv.AppendInt(b, int64(y), 10)
	}
	if d.Precision >= PrecisionMonth {
		b = appendTwoDigits(append(b, '-'), int(d.Month))
	}
	if d.Precision >= PrecisionDay {
		b = appendTwoDigits(append(b, '-'), int(d.Day))
	}
	return b
}

func (d Date) appendEDTF(b []byte) []byte {
	b = d.appendISO(b)
	switch {
	case d.Approximate && d.Uncertain:
		b = append(b, '%')
	case d.Approximate:
		b = append(b, '~')
	case d.Uncertain:
		b = append(b, '?')
	}
	return b
}

func appendTwoDigits(b []byte, n int) []byte {
	if n < 0 || n > 99 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// Bound says what one end of an Interval is.
type Bound uint8

// Kinds of interval end.
const (
	BoundNone    Bound = iota // zero: no interval at all (both ends none)
	BoundDate                 // a date
	BoundOpen                 // ".." open end (ongoing) / open start
	BoundUnknown              // empty: "2001/" or "/2004"
)

// Interval is an EDTF interval or a single date read as the whole period it
// covers.
type Interval struct {
	Start, End           Date
	StartBound, EndBound Bound
	Single               bool // written as one date ("2008"): Start == End, both BoundDate
}

// ParseInterval reads an EDTF interval A/B, where each end is a date (as
// for [ParseDate]), ".." (open) or empty (unknown), or a single date, which
// stands for the whole period it covers (Single is then true).
//
// At least one end must be a date, except in "/.." (start unknown,
// ongoing) and "../.."; "/" and "../" are rejected. Ends of different
// precision compare by extent: 2008-06/2008 is valid, 2009/2008-06 is
// reversed. An error is a *DateError.
func ParseInterval(s string) (Interval, error) {
	iv, msg := parseInterval(s)
	if msg != "" {
		if m := inputProblem(s); m != "" {
			msg = m
		}
		return Interval{}, &DateError{Input: s, Msg: msg}
	}
	return iv, nil
}

func parseInterval(s string) (Interval, string) {
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		d, msg := parseDate(s)
		if msg != "" {
			return Interval{}, msg
		}
		return Interval{Start: d, End: d, StartBound: BoundDate, EndBound: BoundDate, Single: true}, ""
	}
	if strings.IndexByte(s[slash+1:], '/') >= 0 {
		return Interval{}, "an interval has exactly one /"
	}
	var iv Interval
	var msg string
	if iv.Start, iv.StartBound, msg = parseEnd(s[:slash]); msg != "" {
		return Interval{}, msg
	}
	if iv.End, iv.EndBound, msg = parseEnd(s[slash+1:]); msg != "" {
		return Interval{}, msg
	}
	switch {
	case iv.StartBound == BoundDate && iv.EndBound == BoundDate:
		if iv.Start.firstKey() > iv.End.lastKey() {
			return Interval{}, fmt.Sprintf("end %s is before start %s", iv.End, iv.Start)
		}
	case iv.StartBound == BoundDate || iv.EndBound != BoundUnknown:
		// A date at one end, or "/.." and "../..", which still say
		// something: the period goes on.
	case iv.StartBound == BoundUnknown:
		return Interval{}, "both ends are unknown"
	default:
		return Interval{}, "an open start needs an end: write ../2004 or ../.."
	}
	return iv, ""
}

func parseEnd(s string) (Date, Bound, string) {
	switch s {
	case "":
		return Date{}, BoundUnknown, ""
	case "..":
		return Date{}, BoundOpen, ""
	}
	d, msg := parseDate(s)
	return d, BoundDate, msg
}

// String returns the EDTF text [ParseInterval] read, byte for byte:
// "2008", "2005/2006", "1997~/..", "/2004". The zero Interval gives "".
func (iv Interval) String() string {
	if iv.Single {
		return iv.Start.String()
	}
	if iv.IsZero() {
		return ""
	}
	var buf [32]byte
	b := appendEnd(buf[:0], iv.Start, iv.StartBound)
	b = append(b, '/')
	b = appendEnd(b, iv.End, iv.EndBound)
	return string(b)
}

func appendEnd(b []byte, d Date, bound Bound) []byte {
	switch bound {
	case BoundDate:
		return d.appendEDTF(b)
	case BoundOpen:
		return append(b, ".."...)
	}
	return b
}

// IsZero reports whether iv is absent.
func (iv Interval) IsZero() bool { return iv == Interval{} }

// Ongoing reports whether the end is open (".."), which civicnet reads as
// "still going on".
func (iv Interval) Ongoing() bool { return iv.EndBound == BoundOpen }

// Contains reports whether o's extent lies within iv's extent, from the
// first day of o's start to the last day of o's end. An open or unknown end
// is unbounded on either side: 2001/ contains 2030, and /2004 is not within
// 2001/2010, because nothing says it began after 2001. An absent interval
// on either side contains and is contained in everything, so a missing
// date never counts as "outside".
func (iv Interval) Contains(o Interval) bool {
	if iv.IsZero() || o.IsZero() {
		return true
	}
	return iv.startKey() <= o.startKey() && o.endKey() <= iv.endKey()
}

func (iv Interval) startKey() int {
	if iv.StartBound != BoundDate {
		return math.MinInt
	}
	return iv.Start.firstKey()
}

func (iv Interval) endKey() int {
	if iv.EndBound != BoundDate {
		return math.MaxInt
	}
	return iv.End.lastKey()
}

// parseDate reads one date and returns a message saying what is wrong
// instead of an error, so that an interval can report on the whole input.
// The success path does not allocate.
func parseDate(s string) (Date, string) {
	n := len(s)
	if n < 4 || !isDigits(s[:4]) {
		return Date{}, dateProblem(s)
	}
	d := Date{Year: int16(atoi(s[:4])), Precision: PrecisionYear}
	i := 4
	if i+3 <= n && s[i] == '-' && isDigits(s[i+1:i+3]) {
		d.Month, d.Precision = uint8(atoi(s[i+1:i+3])), PrecisionMonth
		i += 3
		if i+3 <= n && s[i] == '-' && isDigits(s[i+1:i+3]) {
			d.Day, d.Precision = uint8(atoi(s[i+1:i+3])), PrecisionDay
			i += 3
		}
	}
	if i < n {
		switch s[i] {
		case '~':
			d.Approximate = true
		case '?':
			d.Uncertain = true
		case '%':
			d.Approximate, d.Uncertain = true, true
		default:
			return Date{}, dateProblem(s)
		}
		i++
	}
	if i != n {
		return Date{}, dateProblem(s)
	}
	if d.Precision >= PrecisionMonth {
		if d.Month >= 21 && d.Month <= 41 {
			return Date{}, "seasons are not supported"
		}
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Sprintf("month %02d out of range 01-12", d.Month)
		}
	}
	if d.Precision == PrecisionDay {
		if days := daysInMonth(int(d.Year), int(d.Month)); d.Day < 1 || int(d.Day) > days {
			return Date{}, fmt.Sprintf("%s is not a day: %s %04d has %d days",
				s[:10], time.Month(d.Month), d.Year, days)
		}
	}
	return d, ""
}

// inputProblem finds what is wrong with a whole interval before it is split
// at its "/", so that "2005 / 2006" is about the spaces and "[2001/2002]"
// about sets, not about one end.
func inputProblem(s string) string {
	switch {
	case hasSpace(s):
		return "whitespace is not allowed"
	case strings.ContainsAny(s, "[]{}"):
		return "sets ([...] and {...}) are not supported"
	}
	return ""
}

// dateProblem says why s is not a date the fast path can read. It runs
// only on failure, so it may take its time to find the most helpful
// message: an unsupported EDTF feature is named before the text is called
// malformed.
func dateProblem(s string) string {
	if s == "" {
		return "empty date"
	}
	if m := inputProblem(s); m != "" {
		return m
	}
	lead := leadingDigits(s)
	switch {
	case strings.IndexByte(s, '/') >= 0:
		return "a single date is expected here, not an interval"
	case s == "..":
		return "an open end (..) is only allowed in an interval, as in 2001/.."
	case strings.Contains(s, ".."):
		return `".." stands alone on one side of the /, as in 2001/.. or ../2004`
	case s[0] == 'Y':
		return "years with a Y prefix are not supported"
	case s[0] == '-' && len(s) > 1 && isDigits(s[1:2]):
		return "negative years are not supported"
	case lead > 0 && strings.ContainsAny(s, "T:"):
		return "times of day are not supported"
	case strings.IndexByte(s, 'X') >= 0 && strings.Trim(s, "0123456789X-~?%") == "":
		return "unspecified digits (X) are not supported"
	case lead > 0 && lead < len(s) && s[lead] == 'S':
		return "significant digits (S) are not supported"
	}
	return dateShapeProblem(s, lead)
}

// dateShapeProblem walks s part by part: year, month, day, qualifier.
func dateShapeProblem(s string, lead int) string {
	if lead != 4 {
		if (lead == 6 || lead == 8) && lead == len(s) {
			return "write the date with hyphens, as in 2008-07-18"
		}
		if lead > 0 || (len(s) > 0 && s[0] == '-') {
			return "a year has four digits"
		}
	}
	i := lead
	for part := 0; lead == 4 && i < len(s) && s[i] == '-'; part++ {
		if part == 2 {
			return "too many parts: a date is YYYY, YYYY-MM or YYYY-MM-DD"
		}
		n := leadingDigits(s[i+1:])
		if n != 2 {
			if part == 0 {
				return "a month has two digits"
			}
			return "a day has two digits"
		}
		i += 1 + n
	}
	q := i
	for q < len(s) && strings.IndexByte("~?%", s[q]) >= 0 {
		q++
	}
	switch {
	case q == i:
		return "not a date"
	case q < len(s):
		return "a qualifier can only follow the whole date, as in 2005?"
	case q-i == 2 && s[i] != s[i+1] && s[i] != '%' && s[i+1] != '%':
		return "write % for approximate and uncertain together"
	case q-i > 1:
		return "only one qualifier is allowed"
	}
	return "not a date"
}

func leadingDigits(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return len(s)
}

func hasSpace(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return true
		}
		i += size
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi reads a short run of ASCII digits that isDigits has checked.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// daysInMonth counts in the proleptic Gregorian calendar, as ISO 8601 does.
func daysInMonth(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
