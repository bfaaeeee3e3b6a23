package diff_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/civicnet/civicnet/export/diff"
)

var today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

const saragossa = `---
kind: event
id: international-conference-saragossa-2006
name: International conference of Saragossa
type: conference
date: 2006-11-02/2006-11-04
location: {city: Saragossa, country: ES}
participants:
  - {agent: regione-toscana, role: attendee}
sources:
  - title: Regione Toscana — Efus member profile
    publisher: efus
`

// TestCompare edits the examples and checks every sentence of the
// report: the changes, then the active memberships.
func TestCompare(t *testing.T) {
	tests := []struct {
		name    string
		edits   []edit
		changes []string
		active  []string
	}{
		{name: "no change"},
		{
			name: "membership end set",
			edits: []edit{{File: "regions/toscana.yaml",
				Old: "organization: efus\n    role: member\n    during: 2001/..",
				New: "organization: efus\n    role: member\n    during: 2001/2019"}},
			changes: []string{"membership of Regione Toscana in European Forum for Urban Security: end set to 2019; IRI changes, as the id is derived from these fields"},
			active:  []string{"Regione Toscana in European Forum for Urban Security (member): no longer active"},
		},
		{
			name: "membership end removed",
			edits: []edit{{File: "regions/toscana.yaml",
				Old: "during: 2008/2011", New: "during: 2008/.."}},
			changes: []string{"membership of Regione Toscana in Executive Committee of the Italian Forum for Urban Security as executive committee member: end removed, now ongoing (was 2011); IRI changes, as the id is derived from these fields"},
			active:  []string{"Regione Toscana in Executive Committee of the Italian Forum for Urban Security (executive committee member): now active"},
		},
		{
			name: "membership role changed",
			edits: []edit{{File: "regions/toscana.yaml",
				Old: "role: executive-committee-member", New: "role: member"}},
			changes: []string{"membership of Regione Toscana in Executive Committee of the Italian Forum for Urban Security: role changed from executive-committee-member to member; IRI changes, as the id is derived from these fields"},
		},
		{
			name: "organizer removed",
			edits: []edit{{File: "events/efus-events.yaml",
				Old: "location: {city: Barcelona, country: ES}\norganizers: [efus]",
				New: "location: {city: Barcelona, country: ES}\norganizers: []"}},
			changes: []string{"event efus-general-assembly-2008-barcelona: organizer efus removed"},
		},
		{
			name:    "name changed",
			edits:   []edit{{File: "organizations/fisu.yaml", Old: "en: Italian Forum for Urban Security", New: "en: Italian Urban Security Forum"}},
			changes: []string{"organization fisu: name in en changed from “Italian Forum for Urban Security” to “Italian Urban Security Forum”; IRI unchanged"},
		},
		{
			name:    "field set",
			edits:   []edit{{File: "organizations/efus.yaml", Old: "type: network\n", New: "type: network\nwebsite: https://efus.eu/\n"}},
			changes: []string{"organization efus: website set to https://efus.eu/"},
		},
		{
			name:    "identifier changed",
			edits:   []edit{{File: "regions/toscana.yaml", Old: "wikidata: Q1273", New: "wikidata: Q1274"}},
			changes: []string{"region regione-toscana: territory identifier wikidata changed from Q1273 to Q1274"},
		},
		{
			name: "renamed",
			edits: []edit{
				{File: "organizations/fisu.yaml", Old: "id: fisu-thematic-group-local-safety-audit", New: "id: fisu-local-safety-audit"},
				{File: "regions/toscana.yaml", Old: "fisu-thematic-group-local-safety-audit", New: "fisu-local-safety-audit"},
			},
			changes: []string{
				"organization fisu-thematic-group-local-safety-audit renamed to fisu-local-safety-audit: same content, new id; its IRI <https://data.example.org/net/id/fisu-thematic-group-local-safety-audit> breaks",
				"membership of Regione Toscana in Local safety audit: organization changed from fisu-thematic-group-local-safety-audit to fisu-local-safety-audit; IRI changes, as the id is derived from these fields",
			},
		},
		{
			name: "added",
			edits: []edit{{File: "organizations/anci.yaml", New: "kind: organization\nid: comune-di-prato\nname: Comune di Prato\n" +
				"memberships:\n  - {organization: efus, during: 2020/..}\n"}},
			changes: []string{
				"organization comune-di-prato added",
				"membership of Comune di Prato in European Forum for Urban Security added",
			},
			active: []string{"Comune di Prato in European Forum for Urban Security (member): now active"},
		},
		{
			name:  "removed",
			edits: []edit{{File: "events/efus-events.yaml", Old: saragossa[4:], New: "kind: place\nid: placeholder\nname: Placeholder\n"}},
			changes: []string{
				"event international-conference-saragossa-2006 removed",
				"place placeholder added",
				"place Saragossa removed",
				"participation of Regione Toscana in International conference of Saragossa as attendee removed",
			},
		},
		{
			name:    "kind changed",
			edits:   []edit{{File: "organizations/efus.yaml", Old: "kind: organization\nid: efus\n", New: "kind: project\nid: efus\n"}},
			changes: []string{"project efus: kind changed from organization to project"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old, new := examplesWith(t), examplesWith(t, tc.edits...)
			r := diff.Compare(old, new, diff.Options{Today: today})
			var changes, active []string
			for _, c := range r.Changes {
				changes = append(changes, c.Sentence())
			}
			for _, a := range r.Active {
				active = append(active, a.Sentence())
			}
			assert.Equal(t, tc.changes, changes, "Compare(…).Changes")
			assert.Equal(t, tc.active, active, "Compare(…).Active")
			assert.Equal(t, len(tc.changes)+len(tc.active) == 0, r.Empty(), "Empty()")
		})
	}
}

func TestCompareDataset(t *testing.T) {
	old := examplesWith(t)
	new := examplesWith(t, edit{File: "civicnet.yaml", Old: "base: https://data.example.org/net/", New: "base: https://data.example.org/networks/"})
	r := diff.Compare(old, new, diff.Options{})
	assert.Equal(t, []diff.FieldChange{{Field: "base", Old: "https://data.example.org/net/", New: "https://data.example.org/networks/",
		Text: "base changed from https://data.example.org/net/ to https://data.example.org/networks/; every IRI changes"}}, r.Dataset)
	assert.Equal(t, []string{"dataset base changed from https://data.example.org/net/ to https://data.example.org/networks/; every IRI changes"}, r.Warnings())
	// Generated ids derive from the base: memberships and participations
	// get new ids, are matched by what they link and reported as
	// changed only by their IRI.
	for _, c := range r.Changes {
		assert.Equal(t, diff.Changed, c.Type, c.Sentence())
		assert.True(t, c.IRIChanged(), c.Sentence())
	}
	assert.True(t, r.Today.IsZero())
	assert.Empty(t, r.Active, "no Today, no active memberships")
}

// TestActiveToday: the report depends on Options.Today, never the clock.
func TestActiveToday(t *testing.T) {
	old := examplesWith(t)
	new := examplesWith(t, edit{File: "regions/toscana.yaml",
		Old: "organization: efus\n    role: member\n    during: 2001/..",
		New: "organization: efus\n    role: member\n    during: 2001/2019"})
	for _, tc := range []struct {
		today time.Time
		n     int
	}{
		{time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC), 0}, // the last day of 2019 is still within
		{time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), 1},
		{time.Date(2000, 6, 1, 0, 0, 0, 0, time.UTC), 0}, // not yet a member in either
	} {
		r := diff.Compare(old, new, diff.Options{Today: tc.today})
		assert.Len(t, r.Active, tc.n, "Compare(…, Today: %s).Active", tc.today.Format(time.DateOnly))
	}
}

func TestCounts(t *testing.T) {
	old := examplesWith(t)
	new := examplesWith(t, edit{File: "events/efus-events.yaml", Old: saragossa[4:], New: ""})
	r := diff.Compare(old, new, diff.Options{})
	assert.Equal(t, []diff.KindCounts{
		{Kind: 5, Removed: 1}, {Kind: 6, Removed: 1}, {Kind: 8, Removed: 1},
	}, r.Counts())
	assert.Equal(t, 3, r.Total().Total())
	assert.Equal(t, "3 removed (136 → 133 records)", r.Summary())
}
