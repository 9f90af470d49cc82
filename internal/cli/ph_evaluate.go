package cli

import "context"

// Scaffolding: replaced by evaluate.go.
func runEvaluate(ctx context.Context, e *env, args []string) error { panic("todo") }
