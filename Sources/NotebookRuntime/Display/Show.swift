// `show`: print a value under the cell, tensors the way PyTorch prints them.

import Figures
import TransformerEngine

/// Prints `tensor` with its values aligned, `precision` decimals, and its shape:
/// `tensor([[ 0.1234, -1.0000], …], shape: [2, 2])`.
///
/// Tensors of more than 1000 elements show the first and last 3 along every axis.
public func show(_ tensor: Tensor, precision: Int = 4) {
    print(ArrayText.format(shape: tensor.shape, scalars: tensor.scalars, precision: precision))
}

/// Shows any value: a tensor as above, a figure drawn under the cell, anything else by its description.
public func show(_ value: Any) {
    switch value {
    case let tensor as Tensor: show(tensor)
    case let figure as Figure: CellChannel.display(figure)
    default: print(value)
    }
}
