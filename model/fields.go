package model

// The field names of each record kind and nested value, as written in
// record files. They drive decoding, did-you-mean suggestions and the
// JSON Schema, so the three never disagree.
var (
	commonFields = []string{"kind", "id", "name", "alt_names", "description", "identifiers",
		"website", "email", "topics", "sources", "ignore"}
	organizationFields = []string{"type", "unit_of", "sub_organization_of", "country", "place",
		"memberships", "participations"}
	regionFields = []string{"area_km2", "population", "capital", "heritage_sites",
		"territory_identifiers"}
	personFields        = []string{"given_name", "family_name", "affiliations", "posts", "memberships", "participations"}
	projectFields       = []string{"type", "acronym", "during", "funding", "quantities", "participants", "operated_by", "memberships", "participations"}
	eventFields         = []string{"type", "date", "location", "series", "edition", "part_of", "project", "organizers", "participants", "participant_count", "participant_groups"}
	placeFields         = []string{"type", "country", "contained_in", "address"}
	membershipFields    = []string{"member", "organization", "role", "during"}
	participationFields = []string{"agent", "event", "role"}
	legislationFields   = []string{"date", "passed_by", "legislation_identifier", "project"}

	sourceFields        = []string{"title", "url", "publisher", "license", "published", "retrieved"}
	quantityFields      = []string{"value", "unit", "qualifier", "as_of"}
	namedQuantityFields = []string{"name", "value", "unit", "qualifier", "as_of"}
	fundingFields       = []string{"funder", "programme", "year", "share", "amount"}
	postFields          = []string{"organization", "role", "head", "during"}
	locationFields      = []string{"venue", "place", "city", "country"}
	heritageFields      = []string{"id", "name", "inscribed"}
	datasetFields       = []string{"base", "dump_url", "title", "description", "publisher", "license",
		"language", "contact", "keywords", "issued", "modified", "rules"}
)

// FieldNames returns the fields a record of kind k may have, common fields
// first, in documentation order. The slice is the caller's.
func FieldNames(k Kind) []string { return append([]string(nil), fieldsByKind[k]...) }

// fieldsByKind is computed once.
var fieldsByKind [len(kindNames)][]string

func init() {
	for _, k := range Kinds {
		fieldsByKind[k] = fieldNames(k)
	}
}

func fieldNames(k Kind) []string {
	var own []string
	switch k {
	case KindRegion:
		own = append(append([]string{}, organizationFields...), regionFields...)
	case KindOrganization:
		own = organizationFields
	case KindPerson:
		own = personFields
	case KindProject:
		own = projectFields
	case KindEvent:
		own = eventFields
	case KindPlace:
		own = placeFields
	case KindMembership:
		own = membershipFields
	case KindParticipation:
		own = participationFields
	case KindLegislation:
		own = legislationFields
	default:
		return nil
	}
	return append(append([]string{}, commonFields...), own...)
}

// DatasetFieldNames returns the fields of civicnet.yaml.
func DatasetFieldNames() []string { return append([]string{}, datasetFields...) }

// ValueFieldNames returns the fields of a nested value, in documentation
// order: "source", "quantity", "named-quantity" (a project's
// quantities), "funding", "post" (a person's), "location" (an event's)
// or "heritage-site"; nil for another name. The slice is the caller's.
func ValueFieldNames(value string) []string {
	var fields []string
	switch value {
	case "source":
		fields = sourceFields
	case "quantity":
		fields = quantityFields
	case "named-quantity":
		fields = namedQuantityFields
	case "funding":
		fields = fundingFields
	case "post":
		fields = postFields
	case "location":
		fields = locationFields
	case "heritage-site":
		fields = heritageFields
	}
	return append([]string(nil), fields...)
}
