package rdf

import (
	"fmt"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// RecordError is the error of a writer given a record that holds a value
// it cannot write correctly: a date with month 13, a reversed interval,
// a quantity that is no number. The writers refuse such a record rather
// than write an invalid literal; validate reports the same values with
// positions, so a dataset that validates without errors never gets one.
type RecordError struct {
	Kind  model.Kind
	ID    string
	Field string // key path in the record: "during", "funding[1].share"
	Err   error  // what the value's Check method returned
}

func (e *RecordError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "model: ")
	if e.Kind == model.KindInvalid {
		return fmt.Sprintf("rdf: %s: %s: %s", e.ID, e.Field, msg)
	}
	return fmt.Sprintf("rdf: %s %q: %s: %s", e.Kind, e.ID, e.Field, msg)
}

// Unwrap returns e.Err.
func (e *RecordError) Unwrap() error { return e.Err }

// CheckValues returns a *RecordError for the dataset description (see
// CheckInfo) or for the first record of ds holding a value no writer can
// write correctly (model.CheckRecord), or nil. Every writer of the
// export packages calls it before writing anything.
func CheckValues(ds *model.Dataset) error {
	if err := CheckInfo(&ds.Info); err != nil {
		return err
	}
	for _, r := range ds.Records {
		if errs := model.CheckRecord(r); len(errs) > 0 {
			return &RecordError{Kind: r.Kind(), ID: r.Base().ID, Field: errs[0].Field, Err: errs[0].Err}
		}
	}
	return nil
}

// CheckInfo returns a *RecordError, with ID "civicnet.yaml" and no kind,
// for a dataset description whose base, issued or modified date cannot
// be written, or nil.
func CheckInfo(info *model.DatasetInfo) error {
	if errs := model.CheckDatasetInfo(info); len(errs) > 0 {
		return &RecordError{ID: model.DatasetFile, Field: errs[0].Field, Err: errs[0].Err}
	}
	return nil
}
