package validate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/validate"
)

// TestExamples checks that the example record set has no errors, and only
// the warnings its README expects: events without a date and sources
// under a licence more restrictive than the dataset's.
func TestExamples(t *testing.T) {
	ds, problems := examples.Load()
	diags := validate.Validate(ds, problems)
	expected := map[string]bool{"missing-date": true, "license-restrictive": true}
	for _, d := range diags {
		assert.True(t, d.Severity == validate.Warning && expected[d.Code], "Validate(examples): unexpected %v\n    %s", d, d.Detail)
	}
}
