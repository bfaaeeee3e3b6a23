package validate_test

import (
	"strconv"
	"testing"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// synthetic builds a valid record set of about n records in memory, in
// the proportions of a network's records: organisations that are members
// of networks, people with posts, projects with participants, events with
// organisers and participants, and places. Nested memberships and
// participations count as records, as the dataset holds them so.
func synthetic(n int) *model.Dataset {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", License: "CC-BY-4.0", Language: "en"})
	src := func(i int) []*model.Source {
		return []*model.Source{{Title: "Annual report " + strconv.Itoa(i%50), URL: "https://example.org/report/" + strconv.Itoa(i%50),
			License: "CC-BY-4.0"}}
	}
	const networks = 20
	for i := range networks {
		ds.Add(&model.Organization{Common: model.Common{ID: "network-" + strconv.Itoa(i), Name: model.Plain("Network " + strconv.Itoa(i)),
			Website: "https://network" + strconv.Itoa(i) + ".example.org/", Sources: src(i)}, Type: "network", Country: "BE"})
	}
	places := max(n/50, 1)
	for i := range places {
		ds.Add(&model.Place{Common: model.Common{ID: "city-" + strconv.Itoa(i), Name: model.Text{{Lang: "en", Value: "City " + strconv.Itoa(i)},
			{Lang: "it", Value: "Città " + strconv.Itoa(i)}}, Sources: src(i),
			Identifiers: []model.Identifier{{Scheme: "geonames", Value: strconv.Itoa(3165000 + i)}}}, Type: "city", Country: "IT"})
	}
	for i := 0; ds.Len() < n; i++ {
		id := strconv.Itoa(i)
		switch i % 10 {
		case 0, 1, 2, 3: // an organisation, member of a network
			ds.Add(&model.Organization{Common: model.Common{ID: "org-" + id, Name: model.Plain("Organisation " + id),
				AltNames: []model.Text{model.Plain("Org " + id)}, Topics: []string{"urban security", "prevention"},
				Email: "info@org" + id + ".example.org", Sources: src(i)},
				Type: "municipality", Country: "IT", Place: "city-" + strconv.Itoa(i%places),
				Memberships: []*model.Membership{{Organization: "network-" + strconv.Itoa(i%networks), Nested: true,
					During: model.Interval{Start: model.Date{Year: 2001, Precision: model.PrecisionYear}, StartBound: model.BoundDate,
						EndBound: model.BoundOpen}}}})
		case 4, 5: // a person with a post
			ds.Add(&model.Person{Common: model.Common{ID: "person-" + id, Name: model.Plain("Person " + id), Sources: src(i)},
				GivenName: "Given", FamilyName: "Family " + id,
				Memberships: []*model.Membership{{Organization: "org-" + strconv.Itoa(i-i%10), Role: model.ParseRole("Commander"), Nested: true}}})
		case 6: // a project with participants
			ds.Add(&model.Project{Common: model.Common{ID: "project-" + id, Name: model.Plain("Project " + id), Sources: src(i)},
				Type: "project", During: model.Interval{Start: model.Date{Year: 2005, Precision: model.PrecisionYear},
					End: model.Date{Year: 2008, Precision: model.PrecisionYear}, StartBound: model.BoundDate, EndBound: model.BoundDate},
				Funding: []*model.Funding{{Funder: "network-0", Amount: model.Quantity{Value: "100000", Unit: "EUR"}}},
				Participants: []*model.Membership{
					{Member: "org-" + strconv.Itoa(i-6), Role: model.ParseRole("coordinator"), Nested: true},
					{Member: "org-" + strconv.Itoa(i-5), Role: model.ParseRole("partner"), Nested: true}}})
		default: // an event of a project, with organisers and participants
			ds.Add(&model.Event{Common: model.Common{ID: "event-" + id, Name: model.Plain("Workshop " + id), Sources: src(i)},
				Type: "workshop", Project: "project-" + strconv.Itoa(i-i%10+6),
				Date:     model.Interval{Start: model.Date{Year: 2006, Month: 11, Day: 2, Precision: model.PrecisionDay}, End: model.Date{Year: 2006, Month: 11, Day: 2, Precision: model.PrecisionDay}, StartBound: model.BoundDate, EndBound: model.BoundDate, Single: true},
				Location: &model.Location{Place: "city-" + strconv.Itoa(i%places)}, Organizers: []string{"org-" + strconv.Itoa(i-i%10)},
				Participants: []*model.Participation{{Agent: "person-" + strconv.Itoa(i-i%10+4), Role: model.ParseRole("speaker"), Nested: true},
					{Agent: "org-" + strconv.Itoa(i-i%10+1), Nested: true}},
				ParticipantCount: model.Quantity{Value: "60", Qualifier: model.QualifierMoreThan}, ParticipantGroups: []string{"local police officers"}})
		}
	}
	return ds
}

func TestSyntheticIsValid(t *testing.T) {
	ds := synthetic(2000)
	diags := validate.Validate(ds, nil)
	if len(diags) > 0 {
		t.Fatalf("Validate(synthetic(2000)) = %v (%d diagnostics), want none", diags, len(diags))
	}
}

// withTypos breaks one membership in a hundred: its organization names
// no record, so every one is a dangling-ref that looks for a suggestion.
func withTypos(ds *model.Dataset) *model.Dataset {
	i := 0
	for _, r := range ds.Records {
		if m, ok := r.(*model.Membership); ok {
			if i++; i%100 == 0 {
				m.Organization = "netwrok-" + strconv.Itoa(i)
			}
		}
	}
	return ds
}

// BenchmarkValidate measures Validate over synthetic record sets; the
// 1e6 case is the scale target of SPEC 7 (under 5 s). The typos cases
// have a dangling reference in one membership of a hundred.
func BenchmarkValidate(b *testing.B) {
	for _, bc := range []struct {
		name string
		ds   func() *model.Dataset
	}{
		{"1e4", func() *model.Dataset { return synthetic(1e4) }},
		{"1e5", func() *model.Dataset { return synthetic(1e5) }},
		{"1e6", func() *model.Dataset { return synthetic(1e6) }},
		{"typos-1e5", func() *model.Dataset { return withTypos(synthetic(1e5)) }},
		{"typos-1e6", func() *model.Dataset { return withTypos(synthetic(1e6)) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ds := bc.ds()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				validate.Validate(ds, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ds.Len()), "ns/record")
		})
	}
}
