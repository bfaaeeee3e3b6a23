package site

import (
	"strings"
	"time"

	"github.com/civicnet/civicnet/model"
)

// The words of the pages: dates, periods and quantities as a reader
// says them, in English, from the model's values (not from the RDF,
// whose typed literals lose the qualifiers' wording).

// dateWords says a date: "2008", "June 2008", "18 July 2008", with
// "about" for an approximate date and "(uncertain)" for an uncertain
// one.
func dateWords(d model.Date) string {
	var s string
	switch d.Precision {
	case model.PrecisionNone:
		return ""
	case model.PrecisionYear:
		s = d.First().Format("2006")
	case model.PrecisionMonth:
		s = d.First().Format("January 2006")
	default:
		s = d.First().Format("2 January 2006")
	}
	if d.Approximate {
		s = "about " + s
	}
	if d.Uncertain {
		s += " (uncertain)"
	}
	return s
}

// periodWords says an interval: "in 2008", "on 18 July 2008",
// "2008–2011", "since 2001" (an open end: civicnet reads it as ongoing),
// "from 2001 (end unknown)", "until 2004"; "" for no interval.
func periodWords(iv model.Interval) string {
	start, end := iv.StartBound == model.BoundDate, iv.EndBound == model.BoundDate
	switch {
	case iv.IsZero():
		return ""
	case iv.Single && iv.Start.Precision == model.PrecisionDay:
		return "on " + dateWords(iv.Start)
	case iv.Single:
		return "in " + dateWords(iv.Start)
	case start && end:
		return dateWords(iv.Start) + "–" + dateWords(iv.End)
	case start && iv.EndBound == model.BoundOpen:
		return "since " + dateWords(iv.Start)
	case start:
		return "from " + dateWords(iv.Start) + " (end unknown)"
	case end:
		return "until " + dateWords(iv.End)
	}
	return "ongoing"
}

var qualifierWords = map[model.Qualifier]string{
	model.QualifierApproximate: "about ",
	model.QualifierAtLeast:     "at least ",
	model.QualifierMoreThan:    "more than ",
	model.QualifierAtMost:      "at most ",
	model.QualifierLessThan:    "less than ",
}

// unitWords spells the UN/CEFACT codes the records use; other units
// (currencies, free text) are written as given.
var unitWords = map[string]string{"KMK": "km²", "KMT": "km", "HAR": "ha", "MTK": "m²", "P1": "%"}

// quantityWords says a quantity: "about 3,600,000", "more than 60",
// "22,990 km² (as of 2021)".
func quantityWords(q model.Quantity) string {
	if q.IsZero() {
		return ""
	}
	s := qualifierWords[q.Qualifier] + groupDigits(q.Value)
	if q.Unit != "" {
		u, ok := unitWords[q.Unit]
		if !ok {
			u = q.Unit
		}
		if u == "%" {
			s += u
		} else {
			s += " " + u
		}
	}
	if !q.AsOf.IsZero() {
		s += " (as of " + dateWords(q.AsOf) + ")"
	}
	return s
}

// groupDigits writes the integer part of a canonical decimal in groups
// of three: "3600000" → "3,600,000".
func groupDigits(v string) string {
	sign := ""
	if strings.HasPrefix(v, "-") {
		sign, v = "-", v[1:]
	}
	whole, frac, hasFrac := strings.Cut(v, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// years returns the first and last year an interval covers, for the
// timeline; ok is false when it has no date at all. An ongoing or
// unknown end ends at the start; the caller extends ongoing bars.
func years(iv model.Interval) (first, last int, ok bool) {
	var s, e time.Time
	if iv.StartBound == model.BoundDate {
		s = iv.Start.First()
	}
	if iv.EndBound == model.BoundDate {
		e = iv.End.Last()
	}
	switch {
	case s.IsZero() && e.IsZero():
		return 0, 0, false
	case s.IsZero():
		s = e
	case e.IsZero():
		e = s
	}
	return s.Year(), e.Year(), true
}
