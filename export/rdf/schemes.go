package rdf

import (
	"sort"
)

// PathRecords is the path of the records under the base IRI (SPEC 4.1):
// every record is {base}id/{id}.
const PathRecords = "id/"

// Scheme names one of the concept schemes of SPEC 4.1.
type Scheme uint8

// The concept schemes, in the order of their IRIs (so that subjects come
// out sorted).
const (
	SchemeEventTypes Scheme = iota
	SchemeOrganizationTypes
	SchemeProjectTypes
	SchemeRoles
	SchemeTopics
	numSchemes
)

// Path returns the scheme's path under the base: the scheme is
// {base}{path} and its concepts {base}{path}/{slug}.
func (s Scheme) Path() string { return conceptSchemes[s].path }

// Title returns the scheme's English title.
func (s Scheme) Title() string { return conceptSchemes[s].title }

// Schemes lists the concept schemes in IRI order.
func Schemes() []Scheme {
	return []Scheme{SchemeEventTypes, SchemeOrganizationTypes, SchemeProjectTypes, SchemeRoles, SchemeTopics}
}

// conceptSchemes describes each scheme: its path under the base, its
// Turtle prefix, its English title, and the slugs whose labels civicnet
// knows in English.
var conceptSchemes = [numSchemes]struct {
	path    string
	prefix  string
	title   string
	builtin map[string]bool
}{
	SchemeEventTypes: {"event-types", "eventtype", "Event types", set(
		"general-assembly", "conference", "seminar", "meeting", "workshop", "round-table",
		"law-adopted", "event-series")},
	SchemeOrganizationTypes: {"organization-types", "orgtype", "Organization types", set(
		"network", "association", "municipality", "public-body", "directorate", "committee",
		"thematic-group", "police")},
	SchemeProjectTypes: {"project-types", "projecttype", "Project types", set(
		"project", "programme", "initiative", "infrastructure")},
	SchemeRoles: {"roles", "role", "Roles", set(
		"member", "associate-member", "coordinator", "partner", "scientific-committee-member",
		"executive-committee-member", "organizer", "co-organizer", "host", "attendee",
		"speaker", "expert", "moderator", "funder")},
	SchemeTopics: {"topics", "topic", "Topics", nil},
}

func set(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// DatasetPrefixes are the prefixes dataset.ttl declares for the IRIs
// under the dataset's base, after the fixed ones: id: for the records
// and one for each concept scheme.
func DatasetPrefixes(base string) []Prefix {
	ps := []Prefix{{"id", base + PathRecords}}
	for _, s := range conceptSchemes {
		ps = append(ps, Prefix{s.prefix, base + s.path + "/"})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	return ps
}

// litTrue is the one boolean literal the mapping writes.
var litTrue = literal("true", XSD.Boolean)
