package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/civicnet/civicnet/model"
)

// Repeats marks exactly the records whose id an earlier record has, the
// ones Lookup does not return; records without an id repeat nothing.
func TestRepeats(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	org := func(id string) *model.Organization { return &model.Organization{Common: model.Common{ID: id}} }
	first := org("a")
	ds.Add(first, org("b"), org("a"), org(""), org("c"))
	ds.Add(org("b"))
	var repeats []int
	for i := range ds.Records {
		if ds.Repeats(i) {
			repeats = append(repeats, i)
		}
	}
	assert.Equal(t, []int{2, 5}, repeats)
	assert.Same(t, first, ds.Lookup("a"))
	assert.False(t, ds.Repeats(len(ds.Records)))
}
