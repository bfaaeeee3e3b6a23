package recordfmt

import (
	"fmt"
	"reflect"
	"slices"
	"testing/fstest"
	"unsafe"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// sameRecords decodes before and after as the file name of a record set
// and reports, wrapping ErrNotLossless, when they differ in anything but
// positions: the dataset description, the records, or the problems found
// (by code and summary).
func sameRecords(name string, before, after []byte) error {
	fileName := "records.yaml"
	if isDataset(name) {
		fileName = recordfile.DatasetFile
	}
	load := func(data []byte) (*model.Dataset, []string) {
		ds, problems := recordfile.LoadFS(fstest.MapFS{fileName: {Data: data}}, recordfile.Options{})
		var ps []string
		for _, p := range problems {
			ps = append(ps, p.Code+": "+p.Summary)
		}
		slices.Sort(ps)
		return ds, ps
	}
	a, pa := load(before)
	b, pb := load(after)
	if !slices.Equal(pa, pb) {
		return fmt.Errorf("%s: %w: the problems found differ (%v, then %v)", name, ErrNotLossless, pa, pb)
	}
	if !equalValues(reflect.ValueOf(a.Info), reflect.ValueOf(b.Info), map[[2]unsafe.Pointer]bool{}) {
		return fmt.Errorf("%s: %w: the dataset description differs", name, ErrNotLossless)
	}
	if len(a.Records) != len(b.Records) {
		return fmt.Errorf("%s: %w: %d records, then %d", name, ErrNotLossless, len(a.Records), len(b.Records))
	}
	for i := range a.Records {
		if !equalValues(reflect.ValueOf(a.Records[i]), reflect.ValueOf(b.Records[i]), map[[2]unsafe.Pointer]bool{}) {
			return fmt.Errorf("%s: %w: record %d (%s) differs", name, ErrNotLossless, i+1, a.Records[i].Base().ID)
		}
	}
	return nil
}

var originType = reflect.TypeFor[model.Origin]()

// equalValues is reflect.DeepEqual that skips every model.Origin (where a
// record or value was written), since formatting moves lines.
func equalValues(a, b reflect.Value, seen map[[2]unsafe.Pointer]bool) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		key := [2]unsafe.Pointer{a.UnsafePointer(), b.UnsafePointer()}
		if seen[key] {
			return true
		}
		seen[key] = true
		return equalValues(a.Elem(), b.Elem(), seen)
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalValues(a.Elem(), b.Elem(), seen)
	case reflect.Struct:
		if a.Type() == originType {
			return true
		}
		for i := range a.NumField() {
			if !equalValues(a.Field(i), b.Field(i), seen) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if a.Kind() == reflect.Slice && (a.Len() != b.Len()) {
			return false
		}
		for i := range a.Len() {
			if !equalValues(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !equalValues(a.MapIndex(k), b.MapIndex(k), seen) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		return a.Float() == b.Float()
	}
	// Functions, channels, complex numbers: records hold none.
	return false
}

func isDataset(name string) bool {
	base := name
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '\\' {
			base = name[i+1:]
			break
		}
	}
	return base == recordfile.DatasetFile
}
