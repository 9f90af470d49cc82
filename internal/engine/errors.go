package engine

import "fmt"

// ErrKind classifies engine errors so that callers can locate and translate
// them (the engine itself prints nothing).
type ErrKind int

// The error kinds. Each has a Chinese and an English message in messages.
const (
	ErrUnknownParent  ErrKind = iota + 1 // Node's parent is not a node of the hierarchy
	ErrUnknownNode                       // a referenced node (indicator, aggregate) does not exist
	ErrDuplicateNode                     // Node code appears twice
	ErrCycle                             // Node is on a cycle of parents
	ErrBadLevel                          // Node's level is not one above its children's
	ErrNegativeWeight                    // Node has a negative weight
	ErrZeroWeights                       // all children of Node have weight 0
	ErrNonPositive                       // gmean (or hmean) met a value ≤ 0: Node, Unit
	ErrNoDenominator                     // Node's denominator column is missing
	ErrUnknownMethod                     // Detail names the method
	ErrBadParameter                      // Detail says what was expected
	ErrNoUnits                           // nothing left to evaluate
	ErrMissingTarget                     // Node lacks the target (or goalpost) the method needs
	ErrUnknownUnit                       // Unit is not in the data
	ErrNoIndicators                      // the hierarchy has no indicators
)

// Error is an engine error. Node and Unit, when set, say where it happened so
// that a caller can point at a cell of its input.
type Error struct {
	Kind   ErrKind
	Node   string // indicator or aggregate code
	Unit   string // unit code
	Detail string // method name, parameter, or free detail (not translated)
}

func (e *Error) Error() string { return e.Message("en") }

// Message renders the error in lang ("zh" or "en"; anything else is "zh").
func (e *Error) Message(lang string) string {
	m, ok := messages[e.Kind]
	if !ok {
		return fmt.Sprintf("engine error %d", e.Kind)
	}
	f := m[0]
	if lang == "en" {
		f = m[1]
	}
	return fmt.Sprintf(f, e.Node, e.Unit, e.Detail)
}

// messages holds printf formats taking (Node, Unit, Detail) in that order;
// %[n]s picks what a message needs.
var messages = map[ErrKind][2]string{
	ErrUnknownParent:  {"节点 %[1]s 的上级 %[3]s 不存在", "the parent %[3]s of node %[1]s does not exist"},
	ErrUnknownNode:    {"未知的指标或节点 %[1]s", "unknown indicator or node %[1]s"},
	ErrDuplicateNode:  {"节点代码 %[1]s 重复", "node code %[1]s is duplicated"},
	ErrCycle:          {"层级结构中存在循环：%[1]s", "the hierarchy has a cycle through %[1]s"},
	ErrBadLevel:       {"节点 %[1]s 的层级不对：%[3]s", "node %[1]s has the wrong level: %[3]s"},
	ErrNegativeWeight: {"节点 %[1]s 的权重为负数", "node %[1]s has a negative weight"},
	ErrZeroWeights:    {"节点 %[1]s 的下级权重全为零", "the children of node %[1]s all have zero weight"},
	ErrNonPositive:    {"%[3]s 要求数值大于 0，但单位 %[2]s 在 %[1]s 上的值不大于 0", "%[3]s needs values greater than 0, but unit %[2]s has a value ≤ 0 in %[1]s"},
	ErrNoDenominator:  {"指标 %[1]s 的分母列 %[3]s 不存在", "the denominator column %[3]s of indicator %[1]s is missing"},
	ErrUnknownMethod:  {"未知的方法 %[3]s", "unknown method %[3]s"},
	ErrBadParameter:   {"参数错误：%[3]s", "bad parameter: %[3]s"},
	ErrNoUnits:        {"没有可评价的单位", "no units left to evaluate"},
	ErrMissingTarget:  {"指标 %[1]s 缺少 %[3]s", "indicator %[1]s lacks %[3]s"},
	ErrUnknownUnit:    {"未知的单位 %[2]s", "unknown unit %[2]s"},
	ErrNoIndicators:   {"层级结构中没有指标", "the hierarchy has no indicators"},
}

// MaxWeight is the largest weight the readers of methods and COINr tables
// accept. Weights are relative, so nobody needs more; what it refuses is a
// weight such as 1e308, which is a float64 but whose sums and products
// overflow to infinity and would leave every total above it blank.
const MaxWeight = 1e9
