package method

import (
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// positions maps a field path (indicator[3].score.cap) to the line of its
// key in the file. go-toml decodes the document; its AST parser gives the
// lines, which its decoder does not expose per key.
type positions map[string]int

// line returns the line of path or, failing that, of its nearest parent.
func (p positions) line(path string) int {
	for path != "" {
		if l, ok := p[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

// scanPositions walks the TOML AST of src. It assumes src parses (the
// decoder has already said so); on a parser error it stops with what it has.
func scanPositions(src []byte) positions {
	return scan(src, func(p unstable.Position) int { return p.Line })
}

// scanColumns maps a field path to the column of its key, as scanPositions
// does the line (its line method then gives the column).
func scanColumns(src []byte) positions {
	return scan(src, func(p unstable.Position) int { return p.Column })
}

func scan(src []byte, at func(unstable.Position) int) positions {
	pos := positions{}
	arrays := map[string]int{} // array-table path → index of its last element
	var p unstable.Parser
	p.Reset(src)
	current := ""
	line := func(n *unstable.Node) int { return at(p.Shape(n.Raw).Start) }
	// resolve turns key parts into a path, entering the last element of
	// every array table on the way.
	resolve := func(base string, it unstable.Iterator) (path string, first *unstable.Node) {
		path = base
		for it.Next() {
			k := it.Node()
			if first == nil {
				first = k
			}
			if path != "" {
				path += "."
			}
			path += string(k.Data)
			if i, ok := arrays[path]; ok && !it.IsLast() {
				path += fmt.Sprintf("[%d]", i)
			}
		}
		return path, first
	}
	var value func(path string, v *unstable.Node)
	keyval := func(base string, kv *unstable.Node) {
		path, k := resolve(base, kv.Key())
		if k != nil {
			pos[path] = line(k)
		}
		value(path, kv.Value())
	}
	value = func(path string, v *unstable.Node) {
		switch v.Kind {
		case unstable.InlineTable:
			it := v.Children()
			for it.Next() {
				keyval(path, it.Node())
			}
		case unstable.Array:
			it := v.Children()
			for i := 0; it.Next(); i++ {
				el := fmt.Sprintf("%s[%d]", path, i)
				if n := it.Node(); n.Raw.Length > 0 {
					pos[el] = line(n)
				} else {
					pos[el] = pos[path]
				}
				value(el, it.Node())
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			path, k := resolve("", e.Key())
			current = path
			if k != nil {
				pos[path] = line(k)
			}
		case unstable.ArrayTable:
			path, k := resolve("", e.Key())
			i, ok := arrays[path]
			if ok {
				i++
			}
			arrays[path] = i
			current = fmt.Sprintf("%s[%d]", path, i)
			if k != nil {
				pos[current] = line(k)
				if _, seen := pos[path]; !seen {
					pos[path] = line(k)
				}
			}
		case unstable.KeyValue:
			keyval(current, e)
		}
	}
	return pos
}
