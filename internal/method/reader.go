package method

import (
	"fmt"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// reader takes typed fields out of the decoded TOML document, collecting
// every problem with its line instead of stopping at the first.
type reader struct {
	file string
	pos  positions
	errs Errors
}

func (r *reader) fail(path string, msg locale.Message) {
	r.errs = append(r.errs, &Error{File: r.file, Line: r.pos.line(path), Field: path, Msg: msg})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// known reports every key of m that is not in keys.
func (r *reader) known(m map[string]any, path string, keys ...string) {
	var bad []string
	for k := range m {
		if !slices.Contains(keys, k) {
			bad = append(bad, k)
		}
	}
	slices.SortFunc(bad, func(a, b string) int { return r.pos.line(join(path, a)) - r.pos.line(join(path, b)) })
	for _, k := range bad {
		r.fail(join(path, k), locale.M("method.unknownkey"))
	}
}

// get reads m[key] as a T: def when absent; def and a located error
// (message key want) when it holds another type.
func get[T any](r *reader, m map[string]any, path, key string, def T, want string) T {
	v, ok := m[key]
	if !ok {
		return def
	}
	t, ok := v.(T)
	if !ok {
		r.fail(join(path, key), locale.M(want))
		return def
	}
	return t
}

func (r *reader) str(m map[string]any, path, key, def string) string {
	return get(r, m, path, key, def, "method.t.string")
}

// num reads a number (integer or float); def when absent.
func (r *reader) num(m map[string]any, path, key string, def float64) float64 {
	v, ok := m[key]
	if !ok {
		return def
	}
	if f, ok := toFloat(v); ok {
		return f
	}
	r.fail(join(path, key), locale.M("method.t.number"))
	return def
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false
		}
		return x, true
	}
	return 0, false
}

func (r *reader) boolean(m map[string]any, path, key string, def bool) bool {
	return get(r, m, path, key, def, "method.t.bool")
}

func (r *reader) integer(m map[string]any, path, key string, def int) int {
	return int(get(r, m, path, key, int64(def), "method.t.int"))
}

func (r *reader) strs(m map[string]any, path, key string) []string {
	v, ok := m[key]
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		r.fail(join(path, key), locale.M("method.t.strings"))
		return nil
	}
	out := make([]string, 0, len(a))
	for i, x := range a {
		s, ok := x.(string)
		if !ok {
			r.fail(fmt.Sprintf("%s[%d]", join(path, key), i), locale.M("method.t.string"))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (r *reader) nums(m map[string]any, path, key string) []float64 {
	v, ok := m[key]
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		r.fail(join(path, key), locale.M("method.t.numbers"))
		return nil
	}
	out := make([]float64, 0, len(a))
	for i, x := range a {
		f, ok := toFloat(x)
		if !ok {
			r.fail(fmt.Sprintf("%s[%d]", join(path, key), i), locale.M("method.t.number"))
			continue
		}
		out = append(out, f)
	}
	return out
}

// weights reads a table of type name → weight.
func (r *reader) weights(m map[string]any, path, key string) map[string]float64 {
	v, ok := m[key]
	if !ok {
		return nil
	}
	t, ok := v.(map[string]any)
	if !ok {
		r.fail(join(path, key), locale.M("method.t.table"))
		return nil
	}
	out := make(map[string]float64, len(t))
	for k := range t {
		if f := r.num(t, join(path, key), k, math.NaN()); !math.IsNaN(f) {
			out[k] = f
		}
	}
	return out
}

// bound reads a number or one of the words.
func (r *reader) bound(m map[string]any, path, key string, def Bound, words ...string) Bound {
	v, ok := m[key]
	if !ok {
		return def
	}
	if f, ok := toFloat(v); ok {
		return Bound{Value: f}
	}
	if s, ok := v.(string); ok && slices.Contains(words, s) {
		return Bound{Value: math.NaN(), Stat: s}
	}
	r.fail(join(path, key), locale.M("method.t.bound", fmt.Sprint(words)))
	return def
}

// table returns the sub-table key of m, or nil.
func (r *reader) table(m map[string]any, path, key string) map[string]any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	t, ok := v.(map[string]any)
	if !ok {
		r.fail(join(path, key), locale.M("method.t.table"))
		return nil
	}
	return t
}

// tables returns the array of tables key of m.
func (r *reader) tables(m map[string]any, key string) []map[string]any {
	v, ok := m[key]
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		r.fail(key, locale.M("method.t.tables", key))
		return nil
	}
	out := make([]map[string]any, 0, len(a))
	for i, x := range a {
		t, ok := x.(map[string]any)
		if !ok {
			r.fail(fmt.Sprintf("%s[%d]", key, i), locale.M("method.t.table"))
			continue
		}
		out = append(out, t)
	}
	return out
}

func init() {
	locale.Register(map[string][2]string{
		"method.t.string":  {"应为字符串", "expected a string"},
		"method.t.number":  {"应为数值", "expected a number"},
		"method.t.bool":    {"应为 true 或 false", "expected true or false"},
		"method.t.int":     {"应为整数", "expected an integer"},
		"method.t.strings": {"应为字符串数组", "expected an array of strings"},
		"method.t.numbers": {"应为数值数组", "expected an array of numbers"},
		"method.t.table":   {"应为表（{ … }）", "expected a table ({ … })"},
		"method.t.tables":  {"应为表数组 [[%s]]", "expected an array of tables [[%s]]"},
		"method.t.bound":   {"应为数值或 %s 之一", "expected a number or one of %s"},
	})
}
