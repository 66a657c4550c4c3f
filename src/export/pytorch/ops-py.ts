/**
 * ops.py of the PyTorch download: every op of the playground's search spaces as a PyTorch module,
 * channels first. Each mirrors a fragment of src/core/net (same layers, TensorFlow's 'same'
 * padding, the same state_dict keys as the layer graph's weight names); the test suite runs the
 * two side by side on every op.
 */
export const OPS_PY = String.raw`"""The ops of NAS Playground's search spaces as PyTorch modules (tensors are N x C x H x W).

Padding follows TensorFlow's 'same' rule (the extra pixel goes after), as the playground's
TensorFlow.js networks do, so the exported weights give the same outputs here.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def same_pads(size, kernel, stride=1, dilation=1):
    """(before, after) padding of one axis for TensorFlow's 'same'."""
    span = (kernel - 1) * dilation + 1
    out = -(-size // stride)
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2


def pad_same(x, kernel, stride=(1, 1), dilation=1, value=0.0):
    top, bottom = same_pads(x.shape[2], kernel[0], stride[0], dilation)
    left, right = same_pads(x.shape[3], kernel[1], stride[1], dilation)
    return F.pad(x, (left, right, top, bottom), value=value)


class Conv(nn.Module):
    """Convolution without bias, 'same' padding; weight [out, in, kh, kw]."""

    def __init__(self, c_in, c_out, kernel, stride=(1, 1)):
        super().__init__()
        self.kernel, self.stride = kernel, stride
        self.weight = nn.Parameter(torch.empty(c_out, c_in, *kernel))
        nn.init.kaiming_normal_(self.weight, nonlinearity='relu')

    def forward(self, x):
        return F.conv2d(pad_same(x, self.kernel, self.stride), self.weight, stride=self.stride)


class Depthwise(nn.Module):
    """Depthwise k x k, dilated, at stride 1; stride 2 keeps every second pixel of that."""

    def __init__(self, c, kernel, dilation=1, stride=1):
        super().__init__()
        self.kernel, self.dilation, self.stride = kernel, dilation, stride
        self.weight = nn.Parameter(torch.empty(c, 1, kernel, kernel))
        nn.init.kaiming_normal_(self.weight, nonlinearity='relu')

    def forward(self, x):
        x = pad_same(x, (self.kernel, self.kernel), dilation=self.dilation)
        y = F.conv2d(x, self.weight, dilation=self.dilation, groups=self.weight.shape[0])
        return y[:, :, ::2, ::2] if self.stride == 2 else y


def batch_norm(c):
    return nn.BatchNorm2d(c, eps=1e-5, momentum=0.1)


class ConvBN(nn.Module):
    """Conv and batch norm, with a ReLU before (ReLU-Conv-BN), after (Conv-BN-ReLU) or none."""

    def __init__(self, c_in, c_out, kernel, stride=1, relu='after', bn=True):
        super().__init__()
        self.relu = relu
        self.conv = Conv(c_in, c_out, (kernel, kernel), (stride, stride))
        self.bn = batch_norm(c_out) if bn else None

    def forward(self, x):
        x = self.conv(F.relu(x) if self.relu == 'before' else x)
        if self.bn is not None:
            x = self.bn(x)
        return F.relu(x) if self.relu == 'after' else x


class Pool(nn.Module):
    """Max or average pooling with 'same' padding; the average leaves the padding out."""

    def __init__(self, kind, kernel, stride):
        super().__init__()
        self.kind, self.kernel, self.stride = kind, kernel, stride

    def forward(self, x):
        k, s = (self.kernel, self.kernel), (self.stride, self.stride)
        if self.kind == 'max':
            return F.max_pool2d(pad_same(x, k, s, value=float('-inf')), self.kernel, self.stride)
        sums = F.avg_pool2d(pad_same(x, k, s), self.kernel, self.stride)
        counts = F.avg_pool2d(pad_same(torch.ones_like(x[:, :1]), k, s), self.kernel, self.stride)
        return sums / counts


class Zero(nn.Module):
    def forward(self, x):
        return torch.zeros_like(x)


class Subsample(nn.Module):
    """Every second pixel, from the first: a strided identity."""

    def forward(self, x):
        return x[:, :, ::2, ::2]


class FactorizedReduce(nn.Module):
    """ReLU, two stride-2 1 x 1 convs (the second shifted by a pixel), concatenated, BN."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_1 = Conv(c_in, c_out // 2, (1, 1), (2, 2))
        self.conv_2 = Conv(c_in, c_out // 2, (1, 1), (2, 2))
        self.bn = batch_norm(c_out)

    def forward(self, x):
        x = F.relu(x)
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(x[:, :, 1:, 1:])], dim=1))


class DilConv(nn.Module):
    """ReLU, depthwise (dilated, strided), pointwise, BN. At dilation 1, one separable conv."""

    def __init__(self, c, kernel, dilation, stride):
        super().__init__()
        self.depthwise = Depthwise(c, kernel, dilation, stride)
        self.pointwise = Conv(c, c, (1, 1))
        self.bn = batch_norm(c)

    def forward(self, x):
        return self.bn(self.pointwise(self.depthwise(F.relu(x))))


class SepConv(nn.Module):
    """DARTS's separable conv: a DilConv at dilation 1 twice, the first strided."""

    def __init__(self, c, kernel, stride):
        super().__init__()
        self.first = DilConv(c, kernel, 1, stride)
        self.second = DilConv(c, kernel, 1, 1)

    def forward(self, x):
        return self.second(self.first(x))


class Conv7x1x7(nn.Module):
    """NASNet's factorised 7 x 7: ReLU, 1 x 7 at stride (1, s), 7 x 1 at stride (s, 1), BN."""

    def __init__(self, c, stride):
        super().__init__()
        self.conv_1x7 = Conv(c, c, (1, 7), (1, stride))
        self.conv_7x1 = Conv(c, c, (7, 1), (stride, 1))
        self.bn = batch_norm(c)

    def forward(self, x):
        return self.bn(self.conv_7x1(self.conv_1x7(F.relu(x))))


class SqueezeExcite(nn.Module):
    def __init__(self, c, squeeze):
        super().__init__()
        self.reduce = nn.Linear(c, squeeze)
        self.expand = nn.Linear(squeeze, c)

    def forward(self, x):
        gate = torch.sigmoid(self.expand(F.relu(self.reduce(x.mean(dim=(2, 3))))))
        return x * gate[:, :, None, None]


class SeparableBlock(nn.Module):
    """MnasNet's layers: [expand,] depthwise, BN, ReLU, [squeeze-excite,] project; identity skip where shapes match."""

    def __init__(self, c_in, c_out, stride, kernel, expansion, se, skip, relu_after):
        super().__init__()
        mid = c_in * expansion
        self.expand = ConvBN(c_in, mid, 1) if expansion > 1 else None
        self.depthwise = Depthwise(mid, kernel, 1, stride)
        self.bn = batch_norm(mid)
        self.se = SqueezeExcite(mid, max(1, int(c_in * se))) if se > 0 else None
        self.project = ConvBN(mid, c_out, 1, relu='after' if relu_after else 'none')
        self.residual = skip and stride == 1 and c_in == c_out

    def forward(self, x):
        h = self.expand(x) if self.expand is not None else x
        h = F.relu(self.bn(self.depthwise(h)))
        if self.se is not None:
            h = self.se(h)
        h = self.project(h)
        return h + x if self.residual else h


class Head(nn.Module):
    """Global average pooling, then a linear classifier."""

    def __init__(self, c, classes):
        super().__init__()
        self.classifier = nn.Linear(c, classes)

    def forward(self, x):
        return self.classifier(x.mean(dim=(2, 3)))


def _pool(kind, k):
    return lambda c_in, c_out, stride, one_pixel=False, **_: nn.Identity() if one_pixel else Pool(kind, k, stride)


def _conv(k):
    return lambda c_in, c_out, stride, one_pixel=False, **_: ConvBN(c_in, c_out, 1 if one_pixel else k, stride)


def _mnas(expansion, relu_after):
    return lambda c_in, c_out, stride, kernel=3, se=0, skip=False, **_: SeparableBlock(c_in, c_out, stride, kernel, expansion, se, skip, relu_after)


def _skip(c_in, c_out, stride, reduce='factorized', **_):
    if stride == 1:
        return nn.Identity()
    return Subsample() if reduce == 'subsample' else FactorizedReduce(c_in, c_out)


# Every op of every vocabulary, DARTS-style: OPS[name](c_in, c_out, stride, **options).
OPS = {
    'none': lambda c_in, c_out, stride, **_: Zero(),
    'skip_connect': _skip,
    'max_pool_3x3': _pool('max', 3),
    'avg_pool_3x3': _pool('avg', 3),
    'max_pool_5x5': _pool('max', 5),
    'sep_conv_3x3': lambda c_in, c_out, stride, **_: SepConv(c_in, 3, stride),
    'sep_conv_5x5': lambda c_in, c_out, stride, **_: SepConv(c_in, 5, stride),
    'sep_conv_7x7': lambda c_in, c_out, stride, **_: SepConv(c_in, 7, stride),
    'dil_conv_3x3': lambda c_in, c_out, stride, **_: DilConv(c_in, 3, 2, stride),
    'dil_conv_5x5': lambda c_in, c_out, stride, **_: DilConv(c_in, 5, 2, stride),
    'conv_7x1_1x7': lambda c_in, c_out, stride, **_: Conv7x1x7(c_in, stride),
    'nor_conv_1x1': lambda c_in, c_out, stride, **_: ConvBN(c_in, c_out, 1, relu='before'),
    'nor_conv_3x3': lambda c_in, c_out, stride, **_: ConvBN(c_in, c_out, 3, relu='before'),
    'conv_3x3': _conv(3),
    'conv_5x5': _conv(5),
    'conv_1x1': _conv(1),
    'dense': _conv(1),
    'single_sep_conv_3x3': lambda c_in, c_out, stride, **_: DilConv(c_in, 3, 1, stride),
    'single_sep_conv_5x5': lambda c_in, c_out, stride, **_: DilConv(c_in, 5, 1, stride),
    'conv': lambda c_in, c_out, stride, kernel=3, **_: ConvBN(c_in, c_out, kernel, stride),
    'sepconv': _mnas(1, True),
    'mbconv1': _mnas(1, False),
    'mbconv3': _mnas(3, False),
    'mbconv6': _mnas(6, False),
}
`;
