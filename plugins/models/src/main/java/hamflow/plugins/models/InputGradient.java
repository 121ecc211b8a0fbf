package hamflow.plugins.models;

/** How an HNN computes {@code ∂H/∂x}. */
public enum InputGradient {
  /** Back-propagation written out as forward ops: training needs first-order autodiff only. */
  CLOSED_FORM,
  /** TensorFlow's symbolic gradient; training then differentiates twice. */
  AUTODIFF
}
