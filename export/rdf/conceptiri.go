package rdf

import "github.com/civicnet/civicnet/model"

// ConceptIRI returns the IRI of the concept that text, a type or topic
// as records write it, maps to in scheme s: what the mapping links a
// record to with org:classification, dcterms:type or dcterms:subject.
// Pages about records (package site) link to the same concepts without
// knowing how text becomes a slug.
func (m *Mapper) ConceptIRI(s Scheme, text string) string {
	var slug string
	if s == SchemeTopics {
		slug = m.topicSlugs[text]
	} else {
		slug, _, _ = m.slugLabel(s, text, "")
	}
	return m.schemeIRIs[s] + "/" + escapeSegment(slug)
}

// RoleIRI returns the IRI of the concept of a membership's or
// participation's role.
func (m *Mapper) RoleIRI(r model.Role) string {
	slug, _, _ := m.slugLabel(SchemeRoles, r.Slug, r.Label)
	return m.schemeIRIs[SchemeRoles] + "/" + escapeSegment(slug)
}
