package validate

import (
	"strings"

	"github.com/civicnet/civicnet/model"
)

// membershipKey is what makes two memberships the same (SPEC 2.6: the
// fields a generated id derives from).
type membershipKey struct {
	member, organization, role string
	during                     uint64 // packInterval
}

// packInterval packs an interval into 64 bits, so that a map of a
// million membership keys stays small: 27 bits a date, 2 a bound, 1 for
// Single.
func packInterval(iv model.Interval) uint64 {
	date := func(d model.Date) uint64 {
		v := uint64(d.Year&0x3fff)<<13 | uint64(d.Month&0xf)<<9 | uint64(d.Day&0x1f)<<4 | uint64(d.Precision&3)<<2
		if d.Approximate {
			v |= 2
		}
		if d.Uncertain {
			v |= 1
		}
		return v
	}
	v := date(iv.Start)<<32 | date(iv.End)<<5 | uint64(iv.StartBound&3)<<3 | uint64(iv.EndBound&3)<<1
	if iv.Single {
		v |= 1
	}
	return v
}

// checkMembership reports a membership of something in itself
// (self-membership) and the same membership written twice: same member,
// organization, role and period (duplicate-membership, with the other as
// related position).
//
// A membership written without an id has one made from exactly these
// fields, so a duplicate of it is one the dataset's index does not return
// for its id: no map of its own is needed for the millions of nested
// memberships. Memberships written with an id are compared by content, with
// each other and with the generated one of the same content.
func checkMembership(p *pass, r model.Record) {
	m, ok := r.(*model.Membership)
	if !ok || m.Member == "" || m.Organization == "" {
		return
	}
	if m.Member == m.Organization {
		field := "organization"
		if !m.Has(field) {
			field = "member"
		}
		p.errorf("self-membership", own(&m.Origin).value(field),
			"member and organization must differ; check which of the two is mistyped",
			"%s is a member of itself", quote(m.Member))
		return
	}
	if m.Generated {
		if !p.isRepeat(m) {
			return
		}
		if first, ok := p.ds.Lookup(m.ID).(*model.Membership); ok {
			p.reportDuplicateMembership(m, first)
		}
		return
	}
	k := membershipKey{m.Member, m.Organization, m.Role.Slug, packInterval(m.During)}
	if first, dup := p.memberships[k]; dup {
		p.reportDuplicateMembership(m, first)
		return
	}
	if p.memberships == nil {
		p.memberships = make(map[membershipKey]*model.Membership)
	}
	p.memberships[k] = m
	gid := model.GenerateID(p.ds.Info.Base, "membership", m.Member, m.Organization, m.Role.Slug, m.During.String())
	if gen, ok := p.ds.Lookup(gid).(*model.Membership); ok && gen.Generated {
		p.reportDuplicateMembership(m, gen)
	}
}

func (p *pass) reportDuplicateMembership(m, first *model.Membership) {
	during := ""
	if !m.During.IsZero() {
		during = " during " + m.During.String()
	}
	p.report(Error, "duplicate-membership", own(&m.Origin).whole(),
		"duplicate membership of "+quote(m.Member)+" in "+quote(m.Organization)+" as "+m.Role.Slug+during,
		"remove one of the two; the other is at the related position", first.Pos())
}

// roleKey is a member's role in an organisation, whatever the period.
type roleKey struct{ member, organization, role string }

// checkOverlappingMemberships warns about two memberships of the same
// member in the same organisation and role whose periods overlap
// (overlapping-membership, at the later one, the earlier as related
// position): usually one fact entered twice, from two sources, with
// different dates. Equal periods are a duplicate-membership instead;
// periods that only share their boundary date (2001/2005 and 2005/2008:
// a renewal) and memberships without a period are left alone, as is a
// period that is not valid (reported by its own rule).
func checkOverlappingMemberships(p *pass, r model.Record) {
	m, ok := r.(*model.Membership)
	if !ok || m.During.IsZero() || m.Member == "" || m.Organization == "" || m.Member == m.Organization || m.During.Check() != nil {
		return
	}
	k := roleKey{m.Member, m.Organization, m.Role.Slug}
	first, seen := p.periods[k]
	if !seen {
		if p.periods == nil {
			p.periods = make(map[roleKey]*model.Membership)
		}
		p.periods[k] = m
		return
	}
	for _, o := range append([]*model.Membership{first}, p.morePeriods[k]...) {
		if overlapping(o.During, m.During) {
			p.report(Warning, "overlapping-membership", own(&m.Origin).value("during"),
				"membership of "+quote(m.Member)+" in "+quote(m.Organization)+" as "+m.Role.Slug+" during "+m.During.String()+
					" overlaps the one during "+o.During.String(),
				"usually one fact entered twice: keep one membership with the right period, or correct the dates",
				o.ValuePos("during"))
			break
		}
	}
	if p.morePeriods == nil {
		p.morePeriods = make(map[roleKey][]*model.Membership)
	}
	p.morePeriods[k] = append(p.morePeriods[k], m)
}

// overlapping reports whether two different periods overlap by more
// than a shared boundary date.
func overlapping(a, b model.Interval) bool {
	switch {
	case a == b || !a.Overlaps(b):
		return false
	case a.EndBound == model.BoundDate && b.StartBound == model.BoundDate && a.End == b.Start && a.Start.Compare(b.Start) < 0:
		return false
	case b.EndBound == model.BoundDate && a.StartBound == model.BoundDate && b.End == a.Start && b.Start.Compare(a.Start) < 0:
		return false
	}
	return true
}

type participationKey struct{ agent, event, role string }

// checkParticipation reports the same participation written twice: same
// agent, event and role (duplicate-participation), including an agent
// listed twice in an event's organizers. As for memberships, generated
// ids find the duplicates of participations written without an id.
func checkParticipation(p *pass, r model.Record) {
	pt, ok := r.(*model.Participation)
	if !ok || pt.Agent == "" || pt.Event == "" {
		return
	}
	if pt.Generated {
		if !p.isRepeat(pt) {
			return
		}
		first, ok := p.ds.Lookup(pt.ID).(*model.Participation)
		if !ok {
			return
		}
		// The nth repeat of an organizer is the nth+1 item naming it.
		if p.repeats == nil {
			p.repeats = make(map[string]int)
		}
		p.repeats[pt.ID]++
		p.reportDuplicateParticipation(pt, p.repeats[pt.ID], first)
		return
	}
	k := participationKey{pt.Agent, pt.Event, pt.Role.Slug}
	if first, dup := p.participations[k]; dup {
		p.reportDuplicateParticipation(pt, 0, first)
		return
	}
	if p.participations == nil {
		p.participations = make(map[participationKey]*model.Participation)
	}
	p.participations[k] = pt
	gid := model.GenerateID(p.ds.Info.Base, "participation", pt.Agent, pt.Event, pt.Role.Slug)
	if gen, ok := p.ds.Lookup(gid).(*model.Participation); ok && gen.Generated {
		p.reportDuplicateParticipation(pt, 0, gen)
	}
}

func (p *pass) reportDuplicateParticipation(pt *model.Participation, nth int, first *model.Participation) {
	p.report(Error, "duplicate-participation", at{pos: p.participationPos(pt, nth)},
		"duplicate participation of "+quote(pt.Agent)+" in "+quote(pt.Event)+" as "+pt.Role.Slug,
		"remove one of the two; the other is at the related position", p.participationPos(first, 0))
}

// participationPos is where a participation was written: its mapping, or
// for one made from an event's organizers the nth item naming its agent.
func (p *pass) participationPos(pt *model.Participation, nth int) model.Pos {
	if !isOrganizerSugar(pt) {
		return pt.Pos()
	}
	if ev, ok := p.ds.Lookup(pt.Event).(*model.Event); ok {
		for i, id := range ev.Organizers {
			if id != pt.Agent {
				continue
			}
			if nth == 0 {
				return ev.ItemPos("organizers", i)
			}
			nth--
		}
	}
	return pt.Pos()
}

// collectUnitLinks gathers the organisations with a unit_of or
// sub_organization_of link, for checkUnitCycles: only they can be in a
// loop.
func collectUnitLinks(p *pass, r model.Record) {
	if o := asOrganization(r); o != nil && (o.UnitOf != "" || o.SubOrganizationOf != "") {
		p.linked = append(p.linked, o)
	}
}

// checkUnitCycles reports loops in the hierarchy of organisations, made
// by unit_of and sub_organization_of links (unit-cycle): once per loop
// (per strongly connected component), at the member whose link is
// written first, with the other members as related positions.
func checkUnitCycles(p *pass) {
	nodes := p.linked
	if len(nodes) == 0 {
		return
	}
	index := make(map[*model.Organization]int32, len(nodes))
	for i, o := range nodes {
		index[o] = int32(i)
	}
	adj := make([][2]int32, len(nodes))
	for v, o := range nodes {
		adj[v] = [2]int32{-1, -1}
		for i, id := range [2]string{o.UnitOf, o.SubOrganizationOf} {
			if t := asOrganization(p.ds.Lookup(id)); id != "" && t != nil {
				if w, ok := index[t]; ok {
					adj[v][i] = w
				}
			}
		}
	}
	for v, e := range adj {
		if e[0] == int32(v) || e[1] == int32(v) {
			p.reportCycle(nodes, []int32{int32(v)}, adj)
		}
	}
	for _, scc := range stronglyConnected(adj) {
		p.reportCycle(nodes, scc, adj)
	}
}

func asOrganization(r model.Record) *model.Organization {
	switch r := r.(type) {
	case *model.Organization:
		return r
	case *model.Region:
		return &r.Organization
	}
	return nil
}

// reportCycle reports one loop through the component scc: it starts at
// the member written first (or added first, for records built in code)
// and follows links inside the component back to it.
func (p *pass) reportCycle(nodes []*model.Organization, scc []int32, adj [][2]int32) {
	in := make(map[int32]bool, len(scc))
	start := scc[0]
	for _, v := range scc {
		in[v] = true
		pv, ps := linkPos(nodes[v]), linkPos(nodes[start])
		if pv.Before(ps) || pv == ps && v < start {
			start = v
		}
	}
	// Breadth-first search inside the component for the shortest path
	// from start back to start.
	prev := map[int32]int32{}
	prevField := map[int32]int{}
	queue := []int32{start}
	var last int32 = -1
	lastField := 0
search:
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for f, w := range adj[v] {
			if w < 0 || !in[w] {
				continue
			}
			if w == start {
				last, lastField = v, f
				break search
			}
			if _, seen := prev[w]; !seen {
				prev[w], prevField[w] = v, f
				queue = append(queue, w)
			}
		}
	}
	// Walk back from last to start to list the loop in order.
	path := []int32{last}
	fields := []int{lastField}
	for v := last; v != start; v = prev[v] {
		path = append(path, prev[v])
		fields = append(fields, prevField[v])
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
		fields[i], fields[j] = fields[j], fields[i]
	}
	names := make([]string, 0, len(path)+1)
	var related []model.Pos
	mixed := false
	for i, v := range path {
		if i < 10 {
			names = append(names, nodes[v].ID)
		} else if i == 10 {
			names = append(names, "…")
		}
		if i > 0 {
			related = append(related, nodes[v].ValuePos(linkFields[fields[i]]))
		}
		mixed = mixed || fields[i] != fields[0]
	}
	names = append(names, nodes[start].ID)
	what := linkFields[fields[0]]
	if mixed {
		what = "unit_of and sub_organization_of"
	}
	p.setCur(p.ds.Lookup(nodes[start].ID))
	p.report(Error, "unit-cycle", own(&nodes[start].Origin).value(linkFields[fields[0]]),
		what+" loops: "+strings.Join(names, " → "),
		"an organisation cannot be, directly or through others, a unit or sub-organisation of itself; remove or correct one of the links",
		related...)
}

var linkFields = [2]string{"unit_of", "sub_organization_of"}

// linkPos is where an organisation's first link is written.
func linkPos(o *model.Organization) model.Pos {
	if o.UnitOf != "" {
		return o.ValuePos("unit_of")
	}
	return o.ValuePos("sub_organization_of")
}

// stronglyConnected returns the strongly connected components of more
// than one node of a graph whose nodes have at most two out-edges each
// (-1: none), by Tarjan's algorithm without recursion, so that a chain of
// a million units does not exhaust the stack.
func stronglyConnected(adj [][2]int32) [][]int32 {
	const unvisited = -1
	n := len(adj)
	idx := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range idx {
		idx[i] = unvisited
	}
	var stack []int32
	var out [][]int32
	type frame struct {
		v    int32
		next int // next out-edge to visit
	}
	var call []frame
	var counter int32
	for root := range int32(n) {
		if idx[root] != unvisited {
			continue
		}
		call = append(call[:0], frame{v: root})
		idx[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			top := &call[len(call)-1]
			v := top.v
			if top.next < 2 {
				w := adj[v][top.next]
				top.next++
				switch {
				case w < 0:
				case idx[w] == unvisited:
					idx[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{v: w})
				case onStack[w]:
					low[v] = min(low[v], idx[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] != idx[v] {
				continue
			}
			if stack[len(stack)-1] == v { // a component of one node
				stack = stack[:len(stack)-1]
				onStack[v] = false
				continue
			}
			var scc []int32
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				scc = append(scc, w)
				if w == v {
					break
				}
			}
			out = append(out, scc)
		}
	}
	return out
}
