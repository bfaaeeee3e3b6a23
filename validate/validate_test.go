package validate_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/validate"
)

func TestExamplesHaveNoErrors(t *testing.T) {
	ds, problems := examples.Load()
	diags := validate.Validate(ds, problems)
	for _, d := range diags {
		t.Log(d.String(), " -- ", d.Detail)
	}
	require.False(t, diags.HasErrors(), "Validate(examples) = %v", diags)
}
