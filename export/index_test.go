package export_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/model"
)

// TestMapperNeedsRecordsAddedThroughAdd checks that a record appended to
// Records by hand, which the index of ids does not know, is refused with
// a message rather than mapped without its links.
func TestMapperNeedsRecordsAddedThroughAdd(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("Efus")}})
	_, err := export.NewMapper(ds)
	require.NoError(t, err)

	ds.Records = append(ds.Records, &model.Organization{Common: model.Common{ID: "fesu", Name: model.Plain("FESU")}})
	_, err = export.NewMapper(ds)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `record 2 (organization "fesu") is missing from the dataset's index`)
}
