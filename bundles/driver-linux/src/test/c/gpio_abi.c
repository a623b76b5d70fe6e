/*
 * Prints what <linux/gpio.h> says about the GPIO character device ABI v2, the numbers GpioV2Test holds:
 *   gcc -o /tmp/gpio_abi src/test/c/gpio_abi.c && /tmp/gpio_abi
 * (measured with linux-libc-dev 6.1 on x86-64; the structures are laid out with explicit padding, so 32- and
 * 64-bit ARM give the same numbers).
 */
#include <stdio.h>
#include <stddef.h>
#include <linux/gpio.h>
#define P(x) printf("%-45s %lu\n", #x, (unsigned long)(x))
int main(void) {
  P(sizeof(struct gpiochip_info));
  P(sizeof(struct gpio_v2_line_values));
  P(sizeof(struct gpio_v2_line_attribute));
  P(sizeof(struct gpio_v2_line_config_attribute));
  P(sizeof(struct gpio_v2_line_config));
  P(sizeof(struct gpio_v2_line_request));
  P(offsetof(struct gpiochip_info, label));
  P(offsetof(struct gpiochip_info, lines));
  P(offsetof(struct gpio_v2_line_values, mask));
  P(offsetof(struct gpio_v2_line_attribute, values));
  P(offsetof(struct gpio_v2_line_config_attribute, mask));
  P(offsetof(struct gpio_v2_line_config, num_attrs));
  P(offsetof(struct gpio_v2_line_config, attrs));
  P(offsetof(struct gpio_v2_line_request, consumer));
  P(offsetof(struct gpio_v2_line_request, config));
  P(offsetof(struct gpio_v2_line_request, num_lines));
  P(offsetof(struct gpio_v2_line_request, event_buffer_size));
  P(offsetof(struct gpio_v2_line_request, padding));
  P(offsetof(struct gpio_v2_line_request, fd));
  P(GPIO_GET_CHIPINFO_IOCTL);
  P(GPIO_V2_GET_LINE_IOCTL);
  P(GPIO_V2_LINE_SET_CONFIG_IOCTL);
  P(GPIO_V2_LINE_GET_VALUES_IOCTL);
  P(GPIO_V2_LINE_SET_VALUES_IOCTL);
  P(GPIO_V2_LINE_FLAG_OUTPUT);
  P(GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN);
  P(GPIO_V2_LINE_FLAG_ACTIVE_LOW);
  P(GPIO_V2_LINE_ATTR_ID_FLAGS);
  P(GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES);
  P(GPIO_V2_LINES_MAX);
  P(GPIO_MAX_NAME_SIZE);
  P(GPIO_V2_LINE_NUM_ATTRS_MAX);
  return 0;
}
