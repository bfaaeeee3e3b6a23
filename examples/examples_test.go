package examples_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/model"
)

func load(t *testing.T) *model.Dataset {
	t.Helper()
	ds, problems := examples.Load()
	require.Empty(t, problems, "the examples must decode without problems")
	return ds
}

// membership finds the membership of member in organization.
func membership(ds *model.Dataset, member, organization string) *model.Membership {
	for _, m := range ds.Memberships() {
		if m.Member == member && m.Organization == organization {
			return m
		}
	}
	return nil
}

func TestSeedFacts(t *testing.T) {
	ds := load(t)

	tests := []struct {
		name         string
		member, org  string
		role, during string
	}{
		{"Toscana member of Efus since 2001", "regione-toscana", "efus", "member", "2001/.."},
		{"Toscana member of the Italian Forum since 2001", "regione-toscana", "fisu", "member", "2001/.."},
		{"Executive Committee 2008-2011", "regione-toscana", "fisu-executive-committee", "executive-committee-member", "2008/2011"},
		{"UrbAL coordinator in 2006", "regione-toscana", "urbal-urban-security", "coordinator", "2006"},
		{"SafetyAuditsGuide scientific committee 2008", "regione-toscana", "safety-audits-guide", "scientific-committee-member", "2008"},
		{"Secucities partner 2005-2006", "regione-toscana", "secucities-cultures-of-prevention", "partner", "2005/2006"},
		{"e-Toscana associate member of ENoLL since 2010", "e-toscana", "enoll", "associate-member", "2010/.."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := membership(ds, tc.member, tc.org)
			require.NotNil(t, m, "no membership of %s in %s", tc.member, tc.org)
			assert.Equal(t, tc.role, m.Role.Slug)
			assert.Equal(t, tc.during, m.During.String())
		})
	}

	// "Gian Guido Nobili (Italian Urban Security Forum)": the forum he
	// speaks for, not a membership; staff are not members.
	t.Run("Gian Guido Nobili speaks for the Italian Urban Security Forum", func(t *testing.T) {
		p, ok := ds.Lookup("gian-guido-nobili").(*model.Person)
		require.True(t, ok)
		assert.Equal(t, []string{"fisu"}, p.Affiliations)
		assert.Nil(t, membership(ds, "gian-guido-nobili", "fisu"), "an affiliation is not a membership")
	})
	// "Emiliano Bezzon, Commander of the Turin Municipal Police Force":
	// a post, heading the unit.
	t.Run("Emiliano Bezzon commands the Turin Municipal Police", func(t *testing.T) {
		p, ok := ds.Lookup("emiliano-bezzon").(*model.Person)
		require.True(t, ok)
		require.Len(t, p.Posts, 1)
		assert.Equal(t, "turin-municipal-police", p.Posts[0].Organization)
		assert.Equal(t, "Commander", p.Posts[0].Role.Label)
		assert.True(t, p.Posts[0].Head)
	})
	// "On the sidelines of the workshop, a round table among experts".
	t.Run("the round table is part of the workshop", func(t *testing.T) {
		e, ok := ds.Lookup("pactesur-torino-round-table").(*model.Event)
		require.True(t, ok)
		assert.Equal(t, "pactesur-torino-workshop", e.PartOf)
		assert.Empty(t, e.Series)
	})

	t.Run("Saragossa conference 2006-11-02/2006-11-04", func(t *testing.T) {
		e, ok := ds.Lookup("international-conference-saragossa-2006").(*model.Event)
		require.True(t, ok)
		assert.Equal(t, "2006-11-02/2006-11-04", e.Date.String())
		city, ok := ds.Lookup(e.Place).(*model.Place)
		require.True(t, ok, "the conference has a place")
		assert.Equal(t, "Saragossa", city.Name.String())
		assert.Equal(t, "ES", city.Country)
	})

	t.Run("more than 60 participants at the Torino workshop", func(t *testing.T) {
		e, ok := ds.Lookup("pactesur-torino-workshop").(*model.Event)
		require.True(t, ok)
		assert.Equal(t, "60", e.ParticipantCount.Value)
		assert.Equal(t, model.QualifierMoreThan, e.ParticipantCount.Qualifier)
		assert.Equal(t, "palazzo-cisterna", e.Place)
		assert.Equal(t, "pactesur", e.Project)
	})

	t.Run("Regione Toscana general facts", func(t *testing.T) {
		r, ok := ds.Lookup("regione-toscana").(*model.Region)
		require.True(t, ok)
		assert.Equal(t, "22990", r.AreaKm2.Value)
		assert.Equal(t, "3600000", r.Population.Value)
		assert.Equal(t, model.QualifierApproximate, r.Population.Qualifier)
		capital := ds.Lookup(r.Capital).(*model.Place)
		florence, _ := capital.Name.In("it")
		assert.Equal(t, "Firenze", florence)
		sites := map[string]int{}
		for _, rec := range ds.Records {
			if p, ok := rec.(*model.Place); ok && p.Type == "heritage-site" && p.ContainedIn == r.ID {
				sites[p.Name.String()] = p.Inscribed
			}
		}
		assert.Len(t, sites, 6, "six UNESCO sites")
		assert.Equal(t, 1982, sites["Historic Centre of Florence"])
		assert.Equal(t, 2004, sites["Val d’Orcia"])
	})

	t.Run("PARTERRE funding and licence", func(t *testing.T) {
		p, ok := ds.Lookup("parterre").(*model.Project)
		require.True(t, ok)
		require.Len(t, p.Funding, 1)
		assert.Equal(t, "european-commission", p.Funding[0].Funder)
		assert.Equal(t, 2009, p.Funding[0].Year)
		assert.Equal(t, "part", p.Funding[0].Share)
		var licences []string
		for _, s := range p.Sources {
			licences = append(licences, s.License)
		}
		assert.Contains(t, licences, "CC-BY-NC-SA-3.0")
	})

	t.Run("approximate open-ended timeline", func(t *testing.T) {
		p, ok := ds.Lookup("rtrt").(*model.Project)
		require.True(t, ok)
		assert.Equal(t, "1997~/..", p.During.String())
		assert.True(t, p.During.Ongoing())
	})
}

func TestEveryReferenceResolves(t *testing.T) {
	ds := load(t)
	check := func(from, field, id string) {
		if id != "" && ds.Lookup(id) == nil {
			t.Errorf("%s: %s %q does not exist", from, field, id)
		}
	}
	for _, r := range ds.Records {
		id := r.Base().ID
		switch r := r.(type) {
		case *model.Membership:
			check(id, "member", r.Member)
			check(id, "organization", r.Organization)
		case *model.Participation:
			check(id, "agent", r.Agent)
			check(id, "event", r.Event)
		case *model.Event:
			check(id, "series", r.Series)
			check(id, "project", r.Project)
			check(id, "place", r.Place)
		case *model.Organization:
			check(id, "unit_of", r.UnitOf)
			check(id, "place", r.Place)
		case *model.Place:
			check(id, "contained_in", r.ContainedIn)
		case *model.Project:
			check(id, "operated_by", r.OperatedBy)
		}
	}
}

// Load the example record set and read a record from it.
func ExampleLoad() {
	ds, problems := examples.Load()
	if len(problems) > 0 {
		fmt.Println(problems[0])
		return
	}
	toscana := ds.Lookup("regione-toscana").(*model.Region)
	it, _ := toscana.Name.In("it")
	fmt.Println(it, "—", toscana.Population.Qualifier, toscana.Population.Value, "inhabitants")
	for _, m := range ds.Memberships() {
		if m.Member == "regione-toscana" && m.Organization == "efus" {
			fmt.Println("member of", ds.Lookup(m.Organization).Base().Name, "during", m.During)
		}
	}
	// Output:
	// Regione Toscana — approximate 3600000 inhabitants
	// member of European Forum for Urban Security during 2001/..
}
