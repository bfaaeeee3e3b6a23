package recordfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/civicnet/civicnet/model"
)

// SchemaFile is the name of the JSON Schema in a dump.
const SchemaFile = "records.schema.json"

// SchemaID is the $id of the JSON Schema of the record format.
const SchemaID = "https://w3id.org/civicnet/records.schema.json"

// WriteSchema writes the JSON Schema (draft-07, the draft the YAML
// language server supports) of the record format: one record or a list
// of records, the kind chosen by its kind field. Its definitions include
// "dataset", the schema of civicnet.yaml.
//
// The schema is generated from [model.FieldNames] and
// [model.DatasetFieldNames], the lists that drive decoding, so it accepts
// exactly the fields the decoder reads. It checks the forms of values
// (ids, dates, quantities, country codes) but not what only the whole
// record set can tell (references, duplicates): that is civicnet validate's
// job.
func WriteSchema(w io.Writer) error {
	s, err := recordSchema()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// Patterns of the value forms the schema checks.
const (
	// idPattern is the form of an id, generated ones (UUIDs) included.
	idPattern       = model.IDPattern
	edtfDate        = `[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?`
	datePattern     = `^` + edtfDate + `$`
	intervalPattern = `^(` + edtfDate + `|(` + edtfDate + `|\.\.)?/(` + edtfDate + `|\.\.)?)$`
	decimalPattern  = `^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`
	langTagPattern  = `^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`
)

// Examples offered for completion; the values are free (validation lints
// them for consistency).
var (
	orgTypeExamples     = []string{"network", "association", "municipality", "public-body", "directorate", "committee", "thematic-group", "police"}
	projectTypeExamples = []string{"project", "programme", "initiative", "infrastructure"}
	eventTypeExamples   = []string{"general-assembly", "conference", "seminar", "meeting", "workshop", "round-table", "law-adopted", "event-series"}
	placeTypeExamples   = []string{"city", "venue", "country", "heritage-site", "area"}
	membershipRoles     = []string{"member", "associate-member", "coordinator", "partner", "scientific-committee-member", "executive-committee-member"}
	participationRoles  = []string{"organizer", "co-organizer", "host", "attendee", "speaker", "expert", "moderator", "funder"}
)

func recordSchema() (schemaObject, error) {
	defs := schemaObject{}
	var conditions []any
	for _, k := range model.Kinds {
		def, err := kindSchema(k, "")
		if err != nil {
			return nil, err
		}
		defs = defs.set(k.String(), def)
		conditions = append(conditions, schemaObject{}.
			set("if", schemaObject{}.set("properties", schemaObject{}.set("kind", schemaObject{}.set("const", k.String()))).set("required", []string{"kind"})).
			set("then", schemaRef(k.String())))
	}
	// Nested memberships and participations lack the field their place
	// implies.
	for _, n := range []struct {
		name    string
		kind    model.Kind
		implied string
	}{
		{"membershipOfMember", model.KindMembership, "member"},
		{"membershipInProject", model.KindMembership, "organization"},
		{"participationOfAgent", model.KindParticipation, "agent"},
		{"participationInEvent", model.KindParticipation, "event"},
	} {
		def, err := kindSchema(n.kind, n.implied)
		if err != nil {
			return nil, err
		}
		defs = defs.set(n.name, def)
	}
	dataset, err := datasetSchema()
	if err != nil {
		return nil, err
	}
	kinds := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		kinds[i] = k.String()
	}
	defs = defs.
		set("record", schemaObject{}.
			set("type", "object").
			set("description", "A civicnet record; its kind decides its fields.").
			set("required", []string{"kind"}).
			set("properties", schemaObject{}.set("kind", schemaObject{}.set("enum", kinds).set("description", "what the record describes"))).
			set("allOf", conditions)).
		set("dataset", dataset).
		set("id", schemaObject{}.set("type", "string").set("pattern", idPattern).set("maxLength", model.MaxIDLen).
			set("description", "an id: lower-case letters and digits in groups joined by single hyphens")).
		set("ref", schemaObject{}.set("type", "string").set("pattern", idPattern).set("maxLength", model.MaxIDLen).
			set("description", "the id of another record")).
		set("text", schemaObject{}.
			set("description", "a string, or a map from BCP 47 language tag to string").
			set("anyOf", []any{
				schemaObject{}.set("type", "string"),
				schemaObject{}.set("type", "object").set("minProperties", 1).
					set("propertyNames", schemaObject{}.set("pattern", langTagPattern)).
					set("additionalProperties", schemaObject{}.set("type", "string")),
			})).
		set("item", schemaObject{}.set("type", "string").set("pattern", `^[^|]*$`).
			set("description", "an item of a list; | is the CSV separator and not allowed")).
		set("url", schemaObject{}.set("type", "string").set("format", "uri").set("pattern", "^https?://").
			set("description", "an absolute http(s) URL")).
		set("date", schemaObject{}.
			set("description", "an EDTF date: 2008, 2008-06, 2008-07-18, optionally followed by ~ (approximate), ? (uncertain) or % (both)").
			set("anyOf", []any{
				schemaObject{}.set("type", "string").set("pattern", datePattern),
				schemaObject{}.set("type", "integer").set("minimum", 0).set("maximum", 9999),
			})).
		set("interval", schemaObject{}.
			set("description", "an EDTF date or interval: 2008, 2005/2006, 2001/.. (ongoing), ../2004 (open start), 2001/ (end unknown)").
			set("anyOf", []any{
				schemaObject{}.set("type", "string").set("pattern", intervalPattern),
				schemaObject{}.set("type", "integer").set("minimum", 0).set("maximum", 9999),
			})).
		set("number", schemaObject{}.
			set("anyOf", []any{
				schemaObject{}.set("type", "number"),
				schemaObject{}.set("type", "string").set("pattern", decimalPattern),
			})).
		set("quantity", schemaObject{}.
			set("description", "a number, or {value, unit, qualifier, as_of}").
			set("anyOf", []any{schemaRef("number"), quantityObject(false)})).
		set("namedQuantity", quantityObject(true)).
		set("country", schemaObject{}.set("type", "string").set("pattern", "^[A-Z]{2}$").
			set("description", "an ISO 3166-1 alpha-2 country code (GR and GB, not EL and UK)")).
		set("identifiers", schemaObject{}.
			set("type", "object").
			set("description", "identifiers by scheme: wikidata, geonames, nuts, orcid, pic, or any scheme").
			set("properties", schemaObject{}.
				set("wikidata", schemaObject{}.set("type", "string").set("pattern", "^Q[1-9][0-9]*$")).
				set("geonames", schemaObject{}.set("anyOf", []any{
					schemaObject{}.set("type", "integer").set("minimum", 1),
					schemaObject{}.set("type", "string").set("pattern", "^[1-9][0-9]*$"),
				})).
				set("nuts", schemaObject{}.set("type", "string").set("pattern", "^[A-Z]{2}[A-Z0-9]{0,3}$")).
				set("orcid", schemaObject{}.set("type", "string").set("pattern", `^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$`)).
				set("pic", schemaObject{}.set("anyOf", []any{
					schemaObject{}.set("type", "integer").set("minimum", 100000000).set("maximum", 999999999),
					schemaObject{}.set("type", "string").set("pattern", "^[0-9]{9}$"),
				}))).
			set("additionalProperties", schemaObject{}.set("type", []string{"string", "integer"}))).
		set("source", schemaClosed("where facts come from", []string{"title", "url", "publisher", "license", "published", "retrieved"},
			schemaObject{}.
				set("title", schemaString("title of the page or document")).
				set("url", schemaRef("url")).
				set("publisher", schemaString("id of the publisher's record, or its name")).
				set("license", schemaString("SPDX licence id (CC-BY-4.0) or URL")).
				set("published", schemaRef("date")).
				set("retrieved", schemaRef("date"))).
			set("anyOf", []any{schemaRequired("title"), schemaRequired("url")})).
		set("heritageSite", schemaClosed("a UNESCO World Heritage site in the territory", []string{"id", "name", "inscribed"},
			schemaObject{}.
				set("id", schemaRef("id")).
				set("name", schemaRef("text")).
				set("inscribed", schemaObject{}.set("type", "integer").set("minimum", 1978).set("description", "year of inscription"))).
			set("required", []string{"name"})).
		set("funding", schemaClosed("a grant to the project", []string{"funder", "programme", "year", "share", "amount"},
			schemaObject{}.
				set("funder", schemaRef("ref")).
				set("programme", schemaString("funding programme")).
				set("year", schemaObject{}.set("type", "integer")).
				set("share", schemaObject{}.set("enum", []string{"full", "part"})).
				set("amount", schemaRef("quantity")))).
		set("post", schemaClosed("a position the person holds in an organisation", []string{"organization", "role", "head", "during"},
			schemaObject{}.
				set("organization", schemaRef("ref")).
				set("role", schemaObject{}.set("type", "string").set("examples", []string{"director", "commander", "secretary-general"}).
					set("description", "a role slug, or text that is slugified and kept as the label")).
				set("head", schemaObject{}.set("type", "boolean").set("description", "the person heads the organisation")).
				set("during", schemaRef("interval"))).
			set("required", []string{"organization"})).
		set("location", schemaClosed("where an event took place: at least a city or a place", []string{"venue", "place", "city", "country"},
			schemaObject{}.
				set("venue", schemaString("name of the venue")).
				set("place", schemaRef("ref")).
				set("city", schemaString("name of the city")).
				set("country", schemaRef("country"))).
			set("anyOf", []any{schemaRequired("place"), schemaRequired("city")}))
	inline, err := kindSchema(model.KindPlace, "kind")
	if err != nil {
		return nil, err
	}
	defs = defs.set("inlinePlace", inline.set("required", []string{"name"}))

	return schemaObject{}.
		set("$schema", "http://json-schema.org/draft-07/schema#").
		set("$id", SchemaID).
		set("title", "civicnet records").
		set("description", "One civicnet record or a list of records (SPEC section 2). A YAML file may hold several documents, each checked on its own.").
		set("anyOf", []any{schemaRef("record"), schemaObject{}.set("type", "array").set("items", schemaRef("record"))}).
		set("definitions", defs), nil
}

// kindSchema is the schema of a record of kind k; without names a field
// that a nested record's place implies ("member" under a member's
// memberships), or "kind" for an inline place.
func kindSchema(k model.Kind, without string) (schemaObject, error) {
	fields := slices.DeleteFunc(model.FieldNames(k), func(f string) bool { return f == without })
	props := schemaObject{}
	for _, f := range fields {
		s, err := fieldSchema(k, f)
		if err != nil {
			return nil, err
		}
		props = props.set(f, s)
	}
	if without == "" {
		props = props.set("$schema", schemaString("the schema the file follows (for editors); ignored"))
	}
	var req []string
	switch {
	case without == "kind":
	case k == model.KindMembership || k == model.KindParticipation:
		for _, f := range map[model.Kind][]string{
			model.KindMembership:    {"member", "organization"},
			model.KindParticipation: {"agent", "event"},
		}[k] {
			if f != without {
				req = append(req, f)
			}
		}
		if without == "" {
			req = append([]string{"kind"}, req...)
		}
	default:
		req = []string{"kind", "id", "name"}
	}
	o := schemaObject{}.set("type", "object").set("description", kindDescriptions[k])
	if len(req) > 0 {
		o = o.set("required", req)
	}
	return o.set("properties", props).set("additionalProperties", false), nil
}

var kindDescriptions = map[model.Kind]string{
	model.KindRegion:        "a regional authority together with the territory it governs",
	model.KindOrganization:  "an organisation: a network, an association, a municipality, or a unit of another organisation",
	model.KindPerson:        "a person",
	model.KindProject:       "a project, programme, initiative or infrastructure",
	model.KindEvent:         "an event: an assembly, a conference, the adoption of a law, or a series of events",
	model.KindPlace:         "a city, venue, country, heritage site or other area",
	model.KindMembership:    "a member belongs to an organisation in a role during a period",
	model.KindParticipation: "an agent took part in an event in a role",
	model.KindLegislation:   "a law or other legal act that a body passed",
}

// fieldSchema is the schema of field f of a record of kind k. Every name
// model.FieldNames returns must have one: a new field without a schema
// is an error, caught by the tests.
func fieldSchema(k model.Kind, f string) (any, error) {
	switch f {
	case "kind":
		return schemaObject{}.set("const", k.String()), nil
	case "id":
		return schemaRef("id"), nil
	case "name", "description":
		return schemaRef("text"), nil
	case "alt_names":
		return schemaList(schemaRef("text"), "other names, acronyms"), nil
	case "identifiers", "territory_identifiers":
		return schemaRef("identifiers"), nil
	case "website":
		return schemaRef("url"), nil
	case "email":
		return schemaObject{}.set("type", "string").set("format", "email"), nil
	case "topics", "participant_groups":
		return schemaList(schemaRef("item"), ""), nil
	case "sources":
		return schemaList(schemaRef("source"), "where the facts come from"), nil
	case "ignore":
		return schemaList(schemaObject{}.set("type", "string").set("pattern", "^[a-z0-9]+(-[a-z0-9]+)*$"),
			"diagnostic codes (warnings) this record is an accepted exception to, such as no-sources"), nil
	case "type":
		examples := map[model.Kind][]string{
			model.KindRegion: orgTypeExamples, model.KindOrganization: orgTypeExamples,
			model.KindProject: projectTypeExamples, model.KindEvent: eventTypeExamples, model.KindPlace: placeTypeExamples,
		}[k]
		return schemaObject{}.set("type", "string").set("examples", examples), nil
	case "unit_of", "sub_organization_of", "place", "operated_by", "series", "part_of", "project", "member", "organization",
		"agent", "event", "contained_in", "passed_by":
		return schemaRef("ref"), nil
	case "country":
		return schemaRef("country"), nil
	case "capital":
		return schemaObject{}.set("description", "id of the capital, or the capital written inline").
			set("anyOf", []any{schemaRef("ref"), schemaRef("inlinePlace")}), nil
	case "memberships":
		return schemaList(schemaRef("membershipOfMember"), "memberships of this record, the member implied"), nil
	case "participations":
		return schemaList(schemaRef("participationOfAgent"), "participations of this record in events, the agent implied"), nil
	case "participants":
		if k == model.KindEvent {
			return schemaList(schemaRef("participationInEvent"), "participants of the event, the event implied"), nil
		}
		return schemaList(schemaRef("membershipInProject"), "members of the project, the project implied"), nil
	case "area_km2", "population", "participant_count":
		return schemaRef("quantity"), nil
	case "heritage_sites":
		return schemaList(schemaRef("heritageSite"), ""), nil
	case "given_name", "family_name", "acronym", "address", "legislation_identifier":
		return schemaObject{}.set("type", "string"), nil
	case "during", "date":
		if k == model.KindLegislation {
			return schemaRef("date"), nil
		}
		return schemaRef("interval"), nil
	case "funding":
		return schemaList(schemaRef("funding"), ""), nil
	case "quantities":
		return schemaList(schemaRef("namedQuantity"), "named figures: 50 specific projects"), nil
	case "location":
		return schemaRef("location"), nil
	case "edition":
		return schemaObject{}.set("type", "integer").set("minimum", 1), nil
	case "organizers":
		return schemaList(schemaRef("ref"), "ids of the organisers"), nil
	case "affiliations":
		return schemaList(schemaRef("ref"), "ids of the organisations the person works or speaks for, without a post"), nil
	case "posts":
		return schemaList(schemaRef("post"), "positions the person holds: Commander of the Turin Municipal Police"), nil
	case "role":
		roles := membershipRoles
		if k == model.KindParticipation {
			roles = participationRoles
		}
		return schemaObject{}.set("type", "string").set("examples", roles).
			set("description", "a role slug, or text that is slugified and kept as the label"), nil
	}
	return nil, fmt.Errorf("JSON Schema: no schema for field %q of %s", f, k)
}

func datasetSchema() (schemaObject, error) {
	props := schemaObject{}
	for _, f := range model.DatasetFieldNames() {
		var s any
		switch f {
		case "base":
			s = schemaObject{}.set("type", "string").set("pattern", "^https?://[^ <>\"{}|\\\\^`#?]*/$").
				set("description", "absolute IRI ending in /, the prefix of every IRI of the dump")
		case "dump_url":
			s = schemaObject{}.set("type", "string").set("pattern", "^https?://").set("description", "where the dump is published; default {base}dump/")
		case "title", "description", "contact":
			s = schemaObject{}.set("type", "string")
		case "publisher":
			s = schemaString("id of the publisher's record, or its name")
		case "license":
			s = schemaString("SPDX licence id (default CC-BY-4.0) or URL")
		case "language":
			s = schemaObject{}.set("type", "string").set("pattern", langTagPattern).set("description", "BCP 47 language of plain strings")
		case "keywords":
			s = schemaList(schemaObject{}.set("type", "string"), "")
		case "issued", "modified":
			s = schemaRef("date")
		case "rules":
			s = schemaObject{}.set("type", "object").
				set("description", "diagnostic code → off, warning or error (docs/diagnostics.md)").
				set("additionalProperties", schemaObject{}.set("enum", []string{"off", "warning", "error"}))
		default:
			return nil, fmt.Errorf("JSON Schema: no schema for civicnet.yaml field %q", f)
		}
		props = props.set(f, s)
	}
	return schemaObject{}.set("type", "object").set("description", "civicnet.yaml: the description of the dataset").
		set("properties", props).set("additionalProperties", false), nil
}

func quantityObject(named bool) schemaObject {
	fields := []string{"value", "unit", "qualifier", "as_of"}
	props := schemaObject{}
	if named {
		fields = append([]string{"name"}, fields...)
		props = props.set("name", schemaString("what is counted or measured"))
	}
	props = props.
		set("value", schemaRef("number")).
		set("unit", schemaString("ISO 4217 currency (EUR), UN/CEFACT common code (KMK) or free text")).
		set("qualifier", schemaObject{}.set("enum", []string{"exact", "approximate", "at-least", "more-than", "at-most", "less-than"})).
		set("as_of", schemaRef("date"))
	return schemaClosed("", fields, props).set("required", []string{"value"})
}

func schemaClosed(desc string, fields []string, props schemaObject) schemaObject {
	if len(fields) != len(props) {
		panic("schemaClosed: fields and properties differ")
	}
	o := schemaObject{}.set("type", "object")
	if desc != "" {
		o = o.set("description", desc)
	}
	return o.set("properties", props).set("additionalProperties", false)
}

func schemaRef(def string) schemaObject { return schemaObject{}.set("$ref", "#/definitions/"+def) }

func schemaString(desc string) schemaObject {
	return schemaObject{}.set("type", "string").set("description", desc)
}

func schemaList(items any, desc string) schemaObject {
	o := schemaObject{}.set("type", "array").set("items", items)
	if desc != "" {
		o = o.set("description", desc)
	}
	return o
}

func schemaRequired(f string) schemaObject { return schemaObject{}.set("required", []string{f}) }

// schemaObject is a JSON object that keeps its members in the order set, so
// that the schema reads in documentation order.
type schemaObject []schemaMember

type schemaMember struct {
	key   string
	value any
}

// set returns o with key set to value, replacing an earlier value.
func (o schemaObject) set(key string, value any) schemaObject {
	for i := range o {
		if o[i].key == key {
			o[i].value = value
			return o
		}
	}
	return append(o, schemaMember{key, value})
}

// MarshalJSON writes the members in order.
func (o schemaObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshalNoEscape(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
