package diff

import (
	"slices"
	"testing"

	"github.com/civicnet/civicnet/model"
)

// notCompared are the record fields the tables leave out, and why: a
// field the model gains is compared, or listed here, or this test fails.
var notCompared = map[string]string{
	"kind":           "compared apart: a changed kind keeps the IRI",
	"id":             "the key records are matched by",
	"memberships":    "nested memberships are membership records",
	"participations": "nested participations are participation records",
	"participants":   "project participants are memberships, event participants participations",
	"heritage_sites": "each site is a place record",
	"ignore":         "a validation setting (accepted warnings), not data: it changes no triple",
}

func TestEveryFieldCompared(t *testing.T) {
	for _, k := range model.Kinds {
		var names []string
		for _, f := range fieldsOf(k) {
			names = append(names, f.name)
		}
		for _, name := range model.FieldNames(k) {
			if _, skipped := notCompared[name]; !skipped && !slices.Contains(names, name) {
				t.Errorf("%s field %q is not compared: add it to the %s table in fields.go", k, name, k)
			}
		}
	}
}
