package recordfile

import "go.yaml.in/yaml/v3"

// node is one value of a parsed record file, YAML or JSON: a light tree
// with positions that the decoder walks. It is smaller than the YAML
// library's node and allocated in slabs, as loading a million records
// builds tens of millions of them.
type node struct {
	kind      nodeKind
	tag       scalarTag
	line, col int32
	value     string
	content   []*node // mapping: key, value, key, value…; sequence: items
	alias     *node   // aliasNode: the anchored node it names
}

type nodeKind uint8

const (
	scalarNode nodeKind = iota + 1
	mappingNode
	sequenceNode
	aliasNode
)

// scalarTag is the resolved type of a scalar.
type scalarTag uint8

const (
	tagStr scalarTag = iota
	tagInt
	tagFloat
	tagBool
	tagNull
	tagOther // timestamps, binary and other YAML types: read as text
)

// arena hands out nodes and child slices from large blocks, so that a
// file costs a few allocations instead of one per value. A loading worker
// keeps one arena and resets it between files: once a file's records are
// built, nothing points into its tree.
type arena struct {
	blocks [][]node // all blocks; nodes is blocks[cur]
	cur    int
	nodes  []node
	ptrs   []*node
}

const arenaBlock = 4096

func (a *arena) node(kind nodeKind, tag scalarTag, line, col int) *node {
	if len(a.nodes) == cap(a.nodes) {
		if a.nodes != nil {
			a.cur++
		}
		if a.cur == len(a.blocks) {
			a.blocks = append(a.blocks, make([]node, 0, arenaBlock))
		}
		a.nodes = a.blocks[a.cur][:0]
	}
	a.nodes = append(a.nodes, node{kind: kind, tag: tag, line: int32(line), col: int32(col)})
	return &a.nodes[len(a.nodes)-1]
}

// reset makes the arena's node blocks, and the last block of child
// lists, available again.
func (a *arena) reset() {
	a.cur, a.nodes = 0, nil
	if len(a.blocks) > 0 {
		a.nodes = a.blocks[0][:0]
	}
	a.ptrs = a.ptrs[:0]
}

// children copies the scratch list of children into an exact-size slice.
func (a *arena) children(c []*node) []*node {
	if len(c) == 0 {
		return nil
	}
	if len(c) > 1024 {
		return append([]*node(nil), c...)
	}
	if cap(a.ptrs)-len(a.ptrs) < len(c) {
		a.ptrs = make([]*node, 0, 16384)
	}
	start := len(a.ptrs)
	a.ptrs = append(a.ptrs, c...)
	return a.ptrs[start:len(a.ptrs):len(a.ptrs)]
}

// fromYAML converts a YAML library node. Anchored nodes are converted once
// and aliases point at the conversion, so an alias bomb stays as small as
// the text that wrote it.
func (a *arena) fromYAML(y *yaml.Node, anchors map[*yaml.Node]*node) *node {
	if n, ok := anchors[y]; ok {
		return n
	}
	var n *node
	switch y.Kind {
	case yaml.ScalarNode:
		tag := tagOther
		switch y.ShortTag() {
		case "!!str":
			tag = tagStr
		case "!!int":
			tag = tagInt
		case "!!float":
			tag = tagFloat
		case "!!bool":
			tag = tagBool
		case "!!null":
			tag = tagNull
		}
		n = a.node(scalarNode, tag, y.Line, y.Column)
		n.value = y.Value
	case yaml.MappingNode, yaml.SequenceNode:
		kind := mappingNode
		if y.Kind == yaml.SequenceNode {
			kind = sequenceNode
		}
		n = a.node(kind, tagStr, y.Line, y.Column)
		if y.Anchor != "" {
			anchors[y] = n // before the children: a node may contain an alias of itself
		}
		c := make([]*node, len(y.Content))
		for i, ch := range y.Content {
			c[i] = a.fromYAML(ch, anchors)
		}
		n.content = c
	case yaml.AliasNode:
		n = a.node(aliasNode, tagStr, y.Line, y.Column)
		if y.Alias != nil {
			if t, ok := anchors[y.Alias]; ok {
				n.alias = t
			} else {
				n.alias = a.fromYAML(y.Alias, anchors)
			}
		}
	default:
		n = a.node(scalarNode, tagNull, y.Line, y.Column)
	}
	if y.Anchor != "" {
		anchors[y] = n
	}
	return n
}
