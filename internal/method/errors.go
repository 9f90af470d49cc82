package method

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Error is a problem in a method file at a line (0 when the problem concerns
// the whole file), in a field named by its path (indicator[3].score.cap).
type Error struct {
	File  string
	Line  int
	Col   int // column of the field's key; 0 = not given (ParseRules gives it)
	Field string
	Msg   locale.Message
}

// Message renders the error as FILE:LINE: field: message in lang ("zh" or
// "en"), FILE:LINE:COL: … when the column is known.
func (e *Error) Message(lang string) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg.In(locale.Lang(lang)))
	return b.String()
}

func (e *Error) Error() string { return e.Message("en") }

// Errors are all the problems found in a method file, in line order.
type Errors []*Error

// Message renders every error on its own line.
func (es Errors) Message(lang string) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Message(lang)
	}
	return strings.Join(lines, "\n")
}

func (es Errors) Error() string { return es.Message("en") }

// Table returns the errors as located table errors rendered in lang, so that
// a command line prints them one per line like its other input errors.
func (es Errors) Table(lang locale.Lang) table.Errors {
	out := make(table.Errors, len(es))
	for i, e := range es {
		msg := e.Msg.In(lang)
		if e.Field != "" {
			msg = e.Field + ": " + msg
		}
		out[i] = &table.Error{File: e.File, Line: e.Line, Col: e.Col, Msg: locale.M("method.raw", msg)}
	}
	return out
}

func (es Errors) sorted() Errors {
	slices.SortStableFunc(es, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	return es
}

func init() {
	locale.Register(map[string][2]string{
		"method.raw":          {"%s", "%s"},
		"method.syntax":       {"TOML 语法错误：%s", "TOML syntax error: %s"},
		"method.unknownkey":   {"未知的字段", "unknown field"},
		"method.required":     {"缺少必填项", "required"},
		"method.oneof":        {"取值应为 %s 之一，实际为 %q", "must be one of %s, found %q"},
		"method.dup":          {"代码 %q 重复", "code %q is duplicated"},
		"method.unknownind":   {"未知的指标 %q", "unknown indicator %q"},
		"method.unknowntype":  {"未知的县域类型 %q", "unknown county type %q"},
		"method.unknownnode":  {"未知的节点 %q", "unknown node %q"},
		"method.unknownevent": {"未知的事件类型 %q", "unknown event type %q"},
		"method.positive":     {"应为正数，实际为 %v", "must be positive, found %v"},
		"method.nonneg":       {"不能为负数，实际为 %v", "must not be negative, found %v"},
		"method.weightbig":    {"权重不能超过 %g，实际为 %v", "a weight must not exceed %g, found %v"},
		"method.direction":    {"方向应为 1 或 -1，实际为 %v", "direction must be 1 or -1, found %v"},
		"method.noweight":     {"类型 %s 没有权重：请给出 weight 或 weights 中的该类型", "no weight for type %s: give weight, or this type in weights"},
		"method.zeroweights":  {"类型 %s 下，节点 %s 的下级权重全为零", "under type %s, the children of %s all have weight 0"},
		"method.noroot":       {"层级结构需要唯一的顶层节点（没有 parent 的 node），实际有 %d 个", "the hierarchy needs exactly one top node (a node without parent), found %d"},
		"method.cycle":        {"层级结构中存在循环：%s", "the hierarchy has a cycle through %s"},
		"method.leafnode":     {"节点 %s 没有下级指标或节点", "node %s has no indicators or nodes below it"},
		"method.parentind":    {"上级 %q 是指标，不能有下级", "parent %q is an indicator and cannot have children"},
		"method.depth":        {"节点 %s 下的分支深度不一致：指标应处于同一层级", "the branches under %s have different depths: indicators must all sit at the same level"},
		"method.noscored":     {"没有参与评分的指标（给指标设置 parent）", "no indicator is scored (give indicators a parent)"},
		"method.notypes":      {"至少需要一个县域类型 [[type]]", "at least one county type [[type]] is needed"},
		"method.bounds":       {"满意值与不允许值的次序与指标方向不符（方向 %v：满意值应%s不允许值）", "the satisfactory and unacceptable values contradict the direction (%v: satisfactory must be %s the unacceptable value)"},
		"method.equalbounds":  {"满意值与不允许值相等", "the satisfactory and unacceptable values are equal"},
		"method.derived":      {"来源为 %s 的指标需要 %s", "an indicator with source %s needs %s"},
		"method.selfref":      {"不能引用自身", "cannot refer to itself"},
		"method.growthnotlvl": {"增长部分的指标 %q 不能同时参与评分（权重会被计两次）", "the growth indicator %q is scored itself as well (its weight would count twice)"},
		"method.floorceil":    {"下限 %v 大于上限 %v", "floor %v is above ceiling %v"},
		"method.unitkind":     {"未知的区划类别 %q（可用：市辖区、县、县级市）", "unknown division kind %q (known: 市辖区, 县, 县级市)"},
		"method.paramcount":   {"方法 %s 需要 %d 个参数，实际 %d 个", "method %s takes %d parameters, found %d"},
		"method.distinct":     {"distinct 只适用于 per_type 奖项", "distinct applies to per_type awards only"},
		"method.tiebreak":     {"并列处理只能引用汇总节点或计分指标", "the tie-break can only name aggregate nodes or scored indicators"},
		"method.noaward":      {"没有名为 %q 的奖项", "no award is named %q"},
		"method.budget":       {"各奖项金额合计 %v 万元，超过预算 %v 万元", "the awards' amounts total %v (10k yuan), above the budget of %v"},
	})
}
