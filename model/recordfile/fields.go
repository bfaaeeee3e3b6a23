package recordfile

import "github.com/civicnet/civicnet/model"

// The fields the decoder accepts, from the model's field lists (so that
// decoding, the JSON Schema and civicnet fmt never disagree), copied once:
// decoding consults them for every record.
var (
	recordFields [][]string                 // by kind: a kind's, with "$schema"
	nestedFields = map[[2]string][]string{} // a nested record's, without the field its parent implies

	datasetFields       = model.DatasetFieldNames()
	sourceFields        = model.ValueFieldNames("source")
	quantityFields      = model.ValueFieldNames("quantity")
	namedQuantityFields = model.ValueFieldNames("named-quantity")
	fundingFields       = model.ValueFieldNames("funding")
	postFields          = model.ValueFieldNames("post")
	locationFields      = model.ValueFieldNames("location")
	heritageFields      = model.ValueFieldNames("heritage-site")
)

func init() {
	for _, k := range model.Kinds {
		recordFields = append(recordFields, make([][]string, max(0, int(k)+1-len(recordFields)))...)
		recordFields[k] = append(model.FieldNames(k), "$schema")
	}
	for _, kf := range [][2]string{{"membership", "member"}, {"membership", "organization"}, {"participation", "agent"}, {"participation", "event"}} {
		var out []string
		for _, f := range model.FieldNames(model.ParseKind(kf[0])) {
			if f != kf[1] {
				out = append(out, f)
			}
		}
		nestedFields[kf] = out
	}
}
