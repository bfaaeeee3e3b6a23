package recordfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// kindList is the list of kinds for messages.
var kindList = "region, organization, person, project, event, place, membership, participation"

// record decodes one record mapping; it returns nil when the node is not a
// record at all (problems say why).
func (d *decoder) record(n *node) model.Record {
	n = d.deref(n)
	if n == nil {
		return nil
	}
	if n.kind != mappingNode {
		d.problem(d.pos(n), "wrong-type", "a record must be a mapping, not "+describe(n),
			"write a record as key: value lines starting with kind: and id:")
		return nil
	}
	var kindNode *node
	for i := 0; i+1 < len(n.content); i += 2 {
		if k := d.deref(n.content[i]); k != nil && k.kind == scalarNode && k.value == "kind" {
			kindNode = d.deref(n.content[i+1])
			break
		}
	}
	if kindNode == nil || isNull(kindNode) {
		d.problem(d.pos(n), "missing-field", "record has no kind", "add kind: with one of "+kindList)
		return nil
	}
	if kindNode.kind != scalarNode {
		d.wrongType(kindNode, "kind", "a string")
		return nil
	}
	kind := model.ParseKind(kindNode.value)
	if kind == model.KindInvalid {
		detail := "kind must be one of " + kindList
		names := make([]string, 0, len(model.Kinds))
		for _, k := range model.Kinds {
			names = append(names, k.String())
		}
		if s := model.Suggest(kindNode.value, names); s != "" {
			detail = fmt.Sprintf("did you mean %q? ", s) + detail
		}
		d.problem(d.pos(kindNode), "unknown-kind", fmt.Sprintf("unknown kind %q", clip(kindNode.value)), detail)
		return nil
	}
	r := newRecord(kind)
	d.fields(n, kind.String(), recordFields[kind], r)
	return r
}

func newRecord(k model.Kind) model.Record {
	switch k {
	case model.KindRegion:
		return &model.Region{}
	case model.KindOrganization:
		return &model.Organization{}
	case model.KindPerson:
		return &model.Person{}
	case model.KindProject:
		return &model.Project{}
	case model.KindEvent:
		return &model.Event{}
	case model.KindPlace:
		return &model.Place{}
	case model.KindMembership:
		return &model.Membership{}
	case model.KindParticipation:
		return &model.Participation{}
	case model.KindLegislation:
		return &model.Legislation{}
	}
	return nil
}

// fields decodes the fields of mapping n into r.
func (d *decoder) fields(n *node, what string, allowed []string, r model.Record) bool {
	c := r.Base()
	return d.mapping(n, what, allowed, &c.Origin, func(key string, k, v *node) {
		if !d.commonField(c, key, v) {
			d.kindField(r, key, v)
		}
	})
}

func (d *decoder) commonField(c *model.Common, key string, v *node) bool {
	switch key {
	case "kind", "$schema":
	case "id":
		d.strInto(v, "id", &c.ID)
	case "name":
		c.Name = d.text(v, "name", &c.Origin)
	case "alt_names":
		d.list(v, "alt_names", &c.Origin, func(i int, item *node) {
			if t := d.text(item, fmt.Sprintf("alt_names[%d]", i), &c.Origin); t != nil {
				c.AltNames = append(c.AltNames, t)
			}
		})
	case "description":
		c.Description = d.text(v, "description", &c.Origin)
	case "identifiers":
		c.Identifiers = d.identifiers(v, "identifiers", &c.Origin)
	case "website":
		d.strInto(v, "website", &c.Website)
	case "email":
		d.strInto(v, "email", &c.Email)
	case "topics":
		c.Topics = d.strList(v, "topics", &c.Origin)
	case "sources":
		d.list(v, "sources", nil, func(i int, item *node) {
			if s := d.source(item); s != nil {
				c.Sources = append(c.Sources, s)
			}
		})
	case "ignore":
		c.Ignore = d.strList(v, "ignore", &c.Origin)
	default:
		return false
	}
	return true
}

func (d *decoder) source(n *node) *model.Source {
	s := &model.Source{}
	ok := d.mapping(n, "source", sourceFields, &s.Origin, func(key string, k, v *node) {
		switch key {
		case "title":
			d.strInto(v, "title", &s.Title)
		case "url":
			d.strInto(v, "url", &s.URL)
		case "publisher":
			d.strInto(v, "publisher", &s.Publisher)
		case "license":
			d.strInto(v, "license", &s.License)
		case "published":
			s.Published = d.date(v, "published")
		case "retrieved":
			s.Retrieved = d.date(v, "retrieved")
		}
	})
	if !ok {
		return nil
	}
	return s
}

func (d *decoder) kindField(r model.Record, key string, v *node) {
	switch r := r.(type) {
	case *model.Region:
		d.regionField(r, key, v)
	case *model.Organization:
		d.organizationField(r, key, v)
	case *model.Person:
		d.personField(r, key, v)
	case *model.Project:
		d.projectField(r, key, v)
	case *model.Event:
		d.eventField(r, key, v)
	case *model.Place:
		d.placeField(r, key, v)
	case *model.Membership:
		d.membershipField(r, key, v)
	case *model.Participation:
		d.participationField(r, key, v)
	case *model.Legislation:
		switch key {
		case "date":
			r.Date = d.date(v, key)
		case "passed_by":
			d.strInto(v, key, &r.PassedBy)
		case "legislation_identifier":
			d.strInto(v, key, &r.Identifier)
		case "project":
			d.strInto(v, key, &r.Project)
		}
	}
}

func (d *decoder) organizationField(o *model.Organization, key string, v *node) {
	switch key {
	case "type":
		d.strInto(v, key, &o.Type)
	case "unit_of":
		d.strInto(v, key, &o.UnitOf)
	case "sub_organization_of":
		d.strInto(v, key, &o.SubOrganizationOf)
	case "country":
		d.strInto(v, key, &o.Country)
	case "place":
		d.strInto(v, key, &o.Place)
	case "memberships":
		o.Memberships = d.memberships(v, key, "member")
	case "participations":
		o.Participations = d.participations(v, key, "agent")
	}
}

func (d *decoder) regionField(r *model.Region, key string, v *node) {
	switch key {
	case "area_km2":
		d.quantity(v, key, &r.AreaKm2, &r.Origin)
	case "population":
		d.quantity(v, key, &r.Population, &r.Origin)
	case "capital":
		if v.kind == scalarNode {
			d.strInto(v, key, &r.Capital)
			return
		}
		p := &model.Place{}
		allowed := slices.DeleteFunc(model.FieldNames(model.KindPlace), func(s string) bool { return s == "kind" })
		if d.fields(v, "capital", allowed, p) {
			r.CapitalPlace = p
		}
	case "heritage_sites":
		d.list(v, key, nil, func(i int, item *node) {
			h := &model.HeritageSite{}
			if d.mapping(item, "heritage site", heritageFields, &h.Origin, func(key string, k, v *node) {
				switch key {
				case "id":
					d.strInto(v, key, &h.ID)
				case "name":
					h.Name = d.text(v, key, &h.Origin)
				case "inscribed":
					if y, ok := d.integer(v, key); ok {
						h.Inscribed = y
					}
				}
			}) {
				r.HeritageSites = append(r.HeritageSites, h)
			}
		})
	case "territory_identifiers":
		r.TerritoryIdentifiers = d.identifiers(v, key, &r.Origin)
	default:
		d.organizationField(&r.Organization, key, v)
	}
}

func (d *decoder) personField(p *model.Person, key string, v *node) {
	switch key {
	case "given_name":
		d.strInto(v, key, &p.GivenName)
	case "family_name":
		d.strInto(v, key, &p.FamilyName)
	case "affiliations":
		p.Affiliations = d.strList(v, key, &p.Origin)
	case "posts":
		d.list(v, key, nil, func(i int, item *node) {
			post := &model.Post{}
			if d.mapping(item, "post", postFields, &post.Origin, func(key string, k, v *node) {
				switch key {
				case "organization":
					d.strInto(v, key, &post.Organization)
				case "role":
					post.Role = d.role(v)
				case "head":
					post.Head, _ = d.boolean(v, key)
				case "during":
					post.During = d.interval(v, key)
				}
			}) {
				p.Posts = append(p.Posts, post)
			}
		})
	case "memberships":
		p.Memberships = d.memberships(v, key, "member")
	case "participations":
		p.Participations = d.participations(v, key, "agent")
	}
}

func (d *decoder) projectField(p *model.Project, key string, v *node) {
	switch key {
	case "type":
		d.strInto(v, key, &p.Type)
	case "acronym":
		d.strInto(v, key, &p.Acronym)
	case "during":
		p.During = d.interval(v, key)
	case "operated_by":
		d.strInto(v, key, &p.OperatedBy)
	case "participants":
		p.Participants = d.memberships(v, key, "organization")
	case "memberships":
		p.Memberships = d.memberships(v, key, "member")
	case "participations":
		p.Participations = d.participations(v, key, "agent")
	case "funding":
		d.list(v, key, nil, func(i int, item *node) {
			f := &model.Funding{}
			if d.mapping(item, "funding", fundingFields, &f.Origin, func(key string, k, v *node) {
				switch key {
				case "funder":
					d.strInto(v, key, &f.Funder)
				case "programme":
					d.strInto(v, key, &f.Programme)
				case "year":
					if y, ok := d.integer(v, key); ok {
						f.Year = y
					}
				case "share":
					d.strInto(v, key, &f.Share)
				case "amount":
					d.quantity(v, key, &f.Amount, &f.Origin)
				}
			}) {
				p.Funding = append(p.Funding, f)
			}
		})
	case "quantities":
		d.list(v, key, nil, func(i int, item *node) {
			q := &model.NamedQuantity{}
			if d.mapping(item, "quantity", namedQuantityFields, &q.Origin, func(key string, k, v *node) {
				if key == "name" {
					d.strInto(v, key, &q.Name)
					return
				}
				d.quantityField(key, v, "quantity", &q.Quantity)
			}) {
				p.Quantities = append(p.Quantities, q)
			}
		})
	}
}

func (d *decoder) eventField(e *model.Event, key string, v *node) {
	switch key {
	case "type":
		d.strInto(v, key, &e.Type)
	case "date":
		e.Date = d.interval(v, key)
	case "series":
		d.strInto(v, key, &e.Series)
	case "part_of":
		d.strInto(v, key, &e.PartOf)
	case "project":
		d.strInto(v, key, &e.Project)
	case "edition":
		if n, ok := d.integer(v, key); ok {
			e.Edition = n
		}
	case "organizers":
		e.Organizers = d.strList(v, key, &e.Origin)
	case "participant_groups":
		e.ParticipantGroups = d.strList(v, key, &e.Origin)
	case "participant_count":
		d.quantity(v, key, &e.ParticipantCount, &e.Origin)
	case "participants":
		e.Participants = d.participations(v, key, "event")
	case "location":
		l := &model.Location{}
		if d.mapping(v, "location", locationFields, &l.Origin, func(key string, k, v *node) {
			switch key {
			case "venue":
				d.strInto(v, key, &l.Venue)
			case "place":
				d.strInto(v, key, &l.Place)
			case "city":
				d.strInto(v, key, &l.City)
			case "country":
				d.strInto(v, key, &l.Country)
			}
		}) {
			e.Location = l
		}
	}
}

func (d *decoder) placeField(p *model.Place, key string, v *node) {
	switch key {
	case "type":
		d.strInto(v, key, &p.Type)
	case "country":
		d.strInto(v, key, &p.Country)
	case "contained_in":
		d.strInto(v, key, &p.ContainedIn)
	case "address":
		d.strInto(v, key, &p.Address)
	}
}

func (d *decoder) membershipField(m *model.Membership, key string, v *node) {
	switch key {
	case "member":
		d.strInto(v, key, &m.Member)
	case "organization":
		d.strInto(v, key, &m.Organization)
	case "role":
		m.Role = d.role(v)
	case "during":
		m.During = d.interval(v, key)
	}
}

func (d *decoder) participationField(p *model.Participation, key string, v *node) {
	switch key {
	case "agent":
		d.strInto(v, key, &p.Agent)
	case "event":
		d.strInto(v, key, &p.Event)
	case "role":
		p.Role = d.role(v)
	}
}

// role reads a role. Text that leaves nothing to make a slug of ("—")
// gives a role with a label and no slug, which Dataset.Add keeps and
// validate reports (Role.Check), rather than the default role.
func (d *decoder) role(v *node) model.Role {
	s, ok := d.str(v, "role")
	if !ok {
		return model.Role{}
	}
	return model.ParseRole(s)
}

// nestedAllowed is the field list of a nested membership or participation:
// every field of the kind but the one the enclosing record implies.
func nestedAllowed(k model.Kind, implied string) []string {
	return nestedFields[[2]string{k.String(), implied}]
}

func (d *decoder) memberships(n *node, field, implied string) []*model.Membership {
	var out []*model.Membership
	allowed := nestedAllowed(model.KindMembership, implied)
	what := strings.TrimSuffix(field, "s")
	d.list(n, field, nil, func(i int, item *node) {
		m := &model.Membership{Nested: true}
		if d.fields(item, what, allowed, m) {
			out = append(out, m)
		}
	})
	return out
}

func (d *decoder) participations(n *node, field, implied string) []*model.Participation {
	var out []*model.Participation
	allowed := nestedAllowed(model.KindParticipation, implied)
	what := strings.TrimSuffix(field, "s")
	d.list(n, field, nil, func(i int, item *node) {
		p := &model.Participation{Nested: true}
		if d.fields(item, what, allowed, p) {
			out = append(out, p)
		}
	})
	return out
}

// datasetInfo decodes civicnet.yaml.
func (d *decoder) datasetInfo(n *node) model.DatasetInfo {
	var info model.DatasetInfo
	d.mapping(n, "civicnet.yaml", datasetFields, &info.Origin, func(key string, k, v *node) {
		switch key {
		case "base":
			d.strInto(v, key, &info.Base)
		case "dump_url":
			d.strInto(v, key, &info.DumpURL)
		case "title":
			d.strInto(v, key, &info.Title)
		case "description":
			d.strInto(v, key, &info.Description)
		case "publisher":
			d.strInto(v, key, &info.Publisher)
		case "license":
			d.strInto(v, key, &info.License)
		case "language":
			d.strInto(v, key, &info.Language)
		case "contact":
			d.strInto(v, key, &info.Contact)
		case "keywords":
			info.Keywords = d.strList(v, key, &info.Origin)
		case "issued":
			info.Issued = d.date(v, key)
		case "modified":
			info.Modified = d.date(v, key)
		case "rules":
			d.nestedMapping(v, key, nil, &info.Origin, key, func(code string, k, v *node) {
				if level, ok := d.str(v, key+"."+code); ok {
					info.Rules = append(info.Rules, model.Rule{Code: code, Level: level})
				}
			})
		}
	})
	return info
}
