package model

import (
	"cmp"
	"errors"
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

// Errors a [DateError] wraps, telling the kinds of problem apart:
// errors.Is(err, model.ErrReversedInterval).
var (
	// ErrBadDate: a date or interval that is malformed or impossible.
	ErrBadDate = errors.New("model: invalid date")
	// ErrReversedInterval: an interval that ends before it starts.
	ErrReversedInterval = errors.New("model: interval ends before it starts")
	// ErrUnsupportedDate: an EDTF feature civicnet does not read.
	ErrUnsupportedDate = errors.New("model: unsupported EDTF feature")
)

// DateError reports a date or interval that could not be read, or a
// [Date] or [Interval] value that is not valid.
type DateError struct {
	// Input is the text as given, or for a value checked with Check its
	// EDTF text (which may be "" for a value too broken to print).
	Input string
	Msg   string // what was wrong, terse: "month 13 out of range 01-12"
	// Err is ErrBadDate, ErrReversedInterval or ErrUnsupportedDate.
	Err error
}

func (e *DateError) Error() string {
	if e.Input == "" {
		return "model: invalid date: " + e.Msg
	}
	return fmt.Sprintf("model: invalid date %q: %s", e.Input, e.Msg)
}

// Unwrap returns e.Err, so that errors.Is tells the kinds apart.
func (e *DateError) Unwrap() error { return e.Err }

// Code is the problem code of e: "reversed-interval",
// "unsupported-date" or "bad-date".
func (e *DateError) Code() string { return dateCode(e) }

// newDateError classifies msg: the messages of unsupported features all
// end in "not supported", and only a reversed interval says "before".
func newDateError(input, msg string) *DateError {
	kind := ErrBadDate
	switch {
	case strings.HasSuffix(msg, "not supported"):
		kind = ErrUnsupportedDate
	case strings.HasPrefix(msg, "end ") && strings.Contains(msg, " is before start "):
		kind = ErrReversedInterval
	}
	return &DateError{Input: input, Msg: msg, Err: kind}
}

// Hint returns the line listing the accepted forms, for a diagnostic's
// detail.
func (e *DateError) Hint() string { return "accepted forms: " + dateForms }

// ParseDate reads a single EDTF date: 2008, 2008-06 or 2008-07-18, each
// optionally followed by one qualifier: ~ (approximate), ? (uncertain) or
// % (both). An error is a *DateError.
//
// ParseDate reads the syntax, then checks the value with [Date.Check]:
// one rule for dates read and dates built in code.
func ParseDate(s string) (Date, error) {
	d, msg := parseDate(s)
	if msg != "" {
		return Date{}, newDateError(s, msg)
	}
	return d, nil
}

// MustParseDate is ParseDate for literals known to be valid: it panics
// on an error. Use it for dates written in the program's source, as
// regexp.MustCompile is used for patterns.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Year returns the date of a whole year: Year(2008) is 2008.
func Year(year int) Date { return Date{Year: int16(year), Precision: PrecisionYear} }

// YearMonth returns the date of a month: YearMonth(2008, 6) is 2008-06.
func YearMonth(year, month int) Date {
	return Date{Year: int16(year), Month: uint8(month), Precision: PrecisionMonth}
}

// Day returns the date of a day: Day(2008, 7, 18) is 2008-07-18.
//
// Year, YearMonth and Day build the value without checking it, as a
// struct literal does; Validate reports an impossible one (Day(2006, 2,
// 30)), and [Date.Check] says what is wrong with it.
func Day(year, month, day int) Date {
	return Date{Year: int16(year), Month: uint8(month), Day: uint8(day), Precision: PrecisionDay}
}

// Check reports what is wrong with d, as a *DateError, or nil: what
// ParseDate would refuse (month 13, February 30, a season, a year
// outside 0000-9999) and what no text can give (a month or day set below
// the precision, a year without a precision). The zero Date is valid: it
// is absent. Check does not allocate for a valid date.
func (d Date) Check() error {
	if msg := d.problem(); msg != "" {
		return newDateError(d.String(), msg)
	}
	return nil
}

// problem says what is wrong with d, or "".
func (d Date) problem() string {
	switch {
	case d.Precision == PrecisionNone:
		if d != (Date{}) {
			return "a date without a precision must be the zero Date; set Precision, or build it with model.Year, YearMonth or Day"
		}
		return ""
	case d.Precision > PrecisionDay:
		return fmt.Sprintf("precision %d is not a Precision", d.Precision)
	case d.Year < 0:
		return "negative years are not supported"
	case d.Year > 9999:
		return fmt.Sprintf("year %d has more than four digits", d.Year)
	}
	if d.Precision >= PrecisionMonth {
		if d.Month >= 21 && d.Month <= 41 {
			return "seasons are not supported"
		}
		if d.Month < 1 || d.Month > 12 {
			return fmt.Sprintf("month %02d out of range 01-12", d.Month)
		}
	} else if d.Month != 0 {
		return fmt.Sprintf("month %d is set on a date of year precision", d.Month)
	}
	if d.Precision == PrecisionDay {
		if days := daysInMonth(int(d.Year), int(d.Month)); d.Day < 1 || int(d.Day) > days {
			return fmt.Sprintf("%s is not a day: %s %04d has %d days",
				d.ISO(), time.Month(d.Month), d.Year, days)
		}
	} else if d.Day != 0 {
		return fmt.Sprintf("day %d is set on a date of %s precision", d.Day, precisionNames[d.Precision])
	}
	return ""
}

var precisionNames = [...]string{"no", "year", "month", "day"}

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
//
// ParseInterval reads the syntax, then checks the value with
// [Interval.Check]: one rule for intervals read and intervals built in
// code.
func ParseInterval(s string) (Interval, error) {
	iv, msg := scanInterval(s)
	if msg == "" {
		msg = iv.problem()
	}
	if msg != "" {
		if m := inputProblem(s); m != "" {
			msg = m
		}
		return Interval{}, newDateError(s, msg)
	}
	return iv, nil
}

// MustParseInterval is ParseInterval for literals known to be valid: it
// panics on an error.
func MustParseInterval(s string) Interval {
	iv, err := ParseInterval(s)
	if err != nil {
		panic(err)
	}
	return iv
}

// During returns the interval of one date standing for the whole period
// it covers, as "during: 2008" does: During(Year(2008)) is 2008.
func During(d Date) Interval {
	return Interval{Start: d, End: d, StartBound: BoundDate, EndBound: BoundDate, Single: true}
}

// Between returns the interval from start to end: Between(Year(2005),
// YearMonth(2006, 3)) is 2005/2006-03.
func Between(start, end Date) Interval {
	return Interval{Start: start, End: end, StartBound: BoundDate, EndBound: BoundDate}
}

// Since returns the ongoing interval from start: Since(Year(2001)) is
// 2001/.., "since 2001" (SPEC 2.1).
func Since(start Date) Interval {
	return Interval{Start: start, StartBound: BoundDate, EndBound: BoundOpen}
}

// Until returns the interval with an open start that ends at end:
// Until(Year(2004)) is ../2004.
func Until(end Date) Interval {
	return Interval{End: end, StartBound: BoundOpen, EndBound: BoundDate}
}

// Check reports what is wrong with iv, as a *DateError, or nil: what
// ParseInterval would refuse (a reversed interval, an impossible date at
// either end, both ends unknown) and what no text can give (a date at an
// end whose Bound is not BoundDate, BoundNone on one end only, Single
// with two different ends). The zero Interval is valid: it is absent.
// Check does not allocate for a valid interval.
func (iv Interval) Check() error {
	if msg := iv.problem(); msg != "" {
		return newDateError(iv.String(), msg)
	}
	return nil
}

// problem says what is wrong with iv, or "".
func (iv Interval) problem() string {
	if iv.IsZero() {
		return ""
	}
	switch {
	case iv.StartBound > BoundUnknown || iv.EndBound > BoundUnknown:
		return "a bound is not one of BoundDate, BoundOpen, BoundUnknown"
	case iv.StartBound == BoundNone || iv.EndBound == BoundNone:
		return "StartBound and EndBound must both be set (BoundNone is only for the zero Interval); build intervals with model.Between, Since, Until or During"
	}
	if msg := endProblem(iv.Start, iv.StartBound, "start"); msg != "" {
		return msg
	}
	if msg := endProblem(iv.End, iv.EndBound, "end"); msg != "" {
		return msg
	}
	switch {
	case iv.Single && (iv.StartBound != BoundDate || iv.EndBound != BoundDate || iv.Start != iv.End):
		return "Single is set but the interval is not one date at both ends"
	case iv.StartBound == BoundDate && iv.EndBound == BoundDate:
		if iv.Start.firstKey() > iv.End.lastKey() {
			return fmt.Sprintf("end %s is before start %s", iv.End, iv.Start)
		}
	case iv.StartBound == BoundDate || iv.EndBound != BoundUnknown:
		// A date at one end, or "/.." and "../..", which still say
		// something: the period goes on.
	case iv.StartBound == BoundUnknown:
		return "both ends are unknown"
	default:
		return "an open start needs an end: write ../2004 or ../.."
	}
	return ""
}

func endProblem(d Date, b Bound, end string) string {
	if b != BoundDate {
		if d != (Date{}) {
			return end + " date " + d.String() + " is set but its bound is not BoundDate"
		}
		return ""
	}
	if d.IsZero() {
		return "the " + end + " bound is BoundDate but the " + end + " date is zero"
	}
	return d.problem()
}

// ReadDate and ReadInterval read the syntax only, for record file
// decoders: a value that reads but is not valid (2006-02-30, 2011/2008)
// comes back with no error, to be kept and reported by validate with
// Check like any value built in code. An error, text that is no date at
// all, is a *DateError. ParseDate and ParseInterval read and check.
func ReadDate(s string) (Date, error) {
	d, msg := scanDate(s)
	if msg != "" {
		return Date{}, newDateError(s, msg)
	}
	return d, nil
}

// ReadInterval is ReadDate for an interval (or a single date); see
// ParseInterval for the forms.
func ReadInterval(s string) (Interval, error) {
	iv, msg := scanInterval(s)
	if msg != "" {
		if m := inputProblem(s); m != "" {
			msg = m
		}
		return Interval{}, newDateError(s, msg)
	}
	return iv, nil
}

// scanInterval reads the syntax of an interval (or of a single date)
// without checking its value.
func scanInterval(s string) (Interval, string) {
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		d, msg := scanDate(s)
		if msg != "" {
			return Interval{}, msg
		}
		return During(d), ""
	}
	if strings.IndexByte(s[slash+1:], '/') >= 0 {
		return Interval{}, "an interval has exactly one /"
	}
	var iv Interval
	var msg string
	if iv.Start, iv.StartBound, msg = scanEnd(s[:slash]); msg != "" {
		return Interval{}, msg
	}
	if iv.End, iv.EndBound, msg = scanEnd(s[slash+1:]); msg != "" {
		return Interval{}, msg
	}
	return iv, ""
}

func scanEnd(s string) (Date, Bound, string) {
	switch s {
	case "":
		return Date{}, BoundUnknown, ""
	case "..":
		return Date{}, BoundOpen, ""
	}
	d, msg := scanDate(s)
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

// Overlaps reports whether the extents of iv and o have a day in
// common. An open or unknown end is unbounded, as for Contains; an
// absent interval overlaps nothing, so a missing date never counts as
// overlapping.
func (iv Interval) Overlaps(o Interval) bool {
	if iv.IsZero() || o.IsZero() {
		return false
	}
	return iv.startKey() <= o.endKey() && o.startKey() <= iv.endKey()
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

// parseDate reads one date and checks it, returning a message saying
// what is wrong instead of an error. The success path does not allocate.
func parseDate(s string) (Date, string) {
	d, msg := scanDate(s)
	if msg == "" {
		msg = d.problem()
	}
	if msg != "" {
		return Date{}, msg
	}
	return d, ""
}

// scanDate reads the syntax of one date: four digits, optionally a month
// and a day of two digits, and a qualifier. Whether the month and day
// exist is Check's business.
func scanDate(s string) (Date, string) {
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
